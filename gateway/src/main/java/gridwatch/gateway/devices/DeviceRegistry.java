package gridwatch.gateway.devices;

import gridwatch.config.model.DeviceConfig;
import gridwatch.gateway.ingest.Source;
import gridwatch.profiles.DeviceProfile;
import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The running gateway's devices by id: config, profile, and its own source when it has one
 * (stations on a shared listener have none). Filled while the gateway is assembled, read-only after.
 */
public final class DeviceRegistry {

    /** One device; {@code source} is null for a station reporting through a shared listener. */
    public record Device(DeviceConfig config, DeviceProfile profile, @Nullable Source source) {
        public String id() {
            return config.id();
        }
    }

    private final Map<String, Device> byId = new LinkedHashMap<>();

    public void add(DeviceConfig config, DeviceProfile profile, @Nullable Source source) {
        if (byId.putIfAbsent(config.id(), new Device(config, profile, source)) != null) {
            throw new IllegalStateException("device " + config.id() + " added twice");
        }
    }

    public Optional<Device> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Device> all() {
        return java.util.List.copyOf(byId.values());
    }
}
