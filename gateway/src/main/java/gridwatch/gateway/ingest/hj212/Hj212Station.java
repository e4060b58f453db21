package gridwatch.gateway.ingest.hj212;

import gridwatch.profiles.DeviceProfile;

/** A station the server accepts: its device id, MN, access password and device profile. */
public record Hj212Station(String deviceId, String mn, String password, DeviceProfile profile) {

    @Override
    public String toString() {
        return "Hj212Station[" + deviceId + ", mn=" + mn + ", password=***]";
    }
}
