package gridwatch.gateway.ingest.connector;

import gridwatch.config.model.ConnectionConfig;
import gridwatch.config.model.DeviceConfig;
import gridwatch.gateway.ingest.Source;
import gridwatch.profiles.DeviceProfile;

import java.util.List;
import java.util.Optional;

/**
 * How devices with one kind of connection join the gateway. Implementations do no I/O: the
 * check runs when a config is loaded or validated, {@link #attach} while the gateway is
 * assembled, and sockets open only when the gateway starts its sources and listeners.
 *
 * @param <C> the connection's config record
 */
public interface Connector<C extends ConnectionConfig> {

    /** The config record this connector serves. */
    Class<C> type();

    /**
     * What this connection needs from the device's profile beyond what the schema checks, e.g. a
     * Modbus device whose profile maps no registers. Empty when the device can work.
     */
    List<Problem> check(DeviceConfig device, C connection, DeviceProfile profile);

    /** A key the device claims that no other device of the same kind may claim (an HJ 212 MN, an SL 651 address). */
    default Optional<Claim> claim(C connection) {
        return Optional.empty();
    }

    /**
     * Adds a checked device: returns its own source, or registers it as a station on a shared
     * listener and returns empty.
     */
    Optional<Source> attach(DeviceConfig device, C connection, DeviceProfile profile);

    /**
     * The usual check of a protocol connector: the profile maps at least one resource for this
     * protocol (its resources carry {@code attribute}); otherwise a problem at {@code profile}.
     */
    static List<Problem> profileMaps(DeviceProfile profile, String attribute, String what) {
        return profile.deviceResources().stream().anyMatch(r -> r.attributes().containsKey(attribute)) ? List.of()
                : List.of(new Problem("profile", "profile " + profile.name() + " maps no " + what));
    }

    /** A problem with one device, at a field relative to the device (e.g. {@code profile}, {@code connection/mn}). */
    record Problem(String field, String message) {
    }

    /** A unique key at a field relative to the device; {@code what} names it in the error ("MN", "station address"). */
    record Claim(String field, String what, String key) {
    }
}
