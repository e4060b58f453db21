package gridwatch.profiles;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The profiles known to this gateway, by name. Immutable; built by {@link ProfileLoader}. */
public final class ProfileCatalog {

    private final Map<String, DeviceProfile> byName;

    ProfileCatalog(Map<String, DeviceProfile> byName) {
        this.byName = new TreeMap<>(byName);
    }

    public Optional<DeviceProfile> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<DeviceProfile> all() {
        return byName.values();
    }
}
