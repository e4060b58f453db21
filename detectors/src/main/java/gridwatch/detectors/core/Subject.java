package gridwatch.detectors.core;

import org.jspecify.annotations.Nullable;

/**
 * What a finding is about: the device that observed it, the zone it is in, and, when one device sees several things at
 * once, which one ({@code objectKey}: a track id, a drone object id). Two objects of one rule on one device are two
 * incidents; the same object seen again is the same one.
 *
 * <p>{@link #identity()} is what incidents are keyed on. The ground location is not part of it: a drone that
 * photographs the same pile again locates it a few metres away, and that must not open a second case.
 *
 * @param zoneId    the zone the subject is in, or null when the device has none
 * @param location  where on the ground, when the rule locates it itself; null: the device's own position
 * @param objectKey which of the device's objects, or null when the finding is about the device (or zone) as a whole
 */
public record Subject(String deviceId, @Nullable String zoneId, @Nullable GroundLocation location, @Nullable String objectKey) {

    /** The identity incidents are keyed on: device, zone and object, never the location. */
    public record Identity(String deviceId, String zoneId, String objectKey) {
    }

    /** A whole device (and its zone): what every scalar rule reports on. */
    public static Subject of(String deviceId, @Nullable String zoneId) {
        return new Subject(deviceId, zoneId, null, null);
    }

    /** One object among those a device sees, optionally located on the ground. */
    public static Subject object(String deviceId, @Nullable String zoneId, String objectKey, @Nullable GroundLocation location) {
        return new Subject(deviceId, zoneId, location, objectKey);
    }

    public Identity identity() {
        return new Identity(deviceId, zoneId == null ? "" : zoneId, objectKey == null ? "" : objectKey);
    }
}
