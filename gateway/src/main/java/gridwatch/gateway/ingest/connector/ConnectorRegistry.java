package gridwatch.gateway.ingest.connector;

import gridwatch.config.model.ConnectionConfig;
import gridwatch.config.model.DeviceConfig;
import gridwatch.gateway.ingest.SharedListener;
import gridwatch.gateway.ingest.Source;
import gridwatch.profiles.DeviceProfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connectors a gateway knows, by connection type, and the shared listeners they feed. A new
 * protocol is a config record, a connector and a {@link #register} call: nothing else in the
 * gateway changes.
 */
public final class ConnectorRegistry {

    private final Map<Class<?>, Connector<?>> byType = new LinkedHashMap<>();
    private final List<SharedListener> listeners = new ArrayList<>();

    public <C extends ConnectionConfig> ConnectorRegistry register(Connector<C> connector) {
        if (byType.putIfAbsent(connector.type(), connector) != null) {
            throw new IllegalStateException("two connectors for " + connector.type().getSimpleName());
        }
        return this;
    }

    /** A listener some connectors register stations on; started after every device is attached. */
    public ConnectorRegistry listener(SharedListener listener) {
        listeners.add(listener);
        return this;
    }

    public List<SharedListener> listeners() {
        return List.copyOf(listeners);
    }

    /** Checks every device; problems come back keyed by device index. Claims are checked across devices. */
    public Map<Integer, List<Connector.Problem>> check(List<DeviceConfig> devices, java.util.function.Function<DeviceConfig, Optional<DeviceProfile>> profiles) {
        Map<Integer, List<Connector.Problem>> out = new LinkedHashMap<>();
        Map<String, String> claimed = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            DeviceConfig d = devices.get(i);
            List<Connector.Problem> problems = new ArrayList<>();
            Connector<ConnectionConfig> c = connector(d.connection());
            c.claim(d.connection()).ifPresent(claim -> {
                String key = d.connection().getClass().getSimpleName() + ":" + claim.key();
                String owner = claimed.putIfAbsent(key, d.id());
                if (owner != null) {
                    problems.add(new Connector.Problem(claim.field(), "device '" + owner + "' already has " + claim.what() + " " + claim.key()));
                }
            });
            profiles.apply(d).ifPresent(p -> problems.addAll(c.check(d, d.connection(), p)));
            if (!problems.isEmpty()) {
                out.put(i, problems);
            }
        }
        return out;
    }

    /** Attaches a checked device through its connector. */
    public Optional<Source> attach(DeviceConfig device, DeviceProfile profile) {
        return connector(device.connection()).attach(device, device.connection(), profile);
    }

    @SuppressWarnings("unchecked")
    private Connector<ConnectionConfig> connector(ConnectionConfig connection) {
        Connector<?> c = byType.get(connection.getClass());
        if (c == null) {
            throw new IllegalStateException("no connector for " + connection.getClass().getSimpleName()
                    + " (known: " + byType.keySet().stream().map(Class::getSimpleName).toList() + ")");
        }
        return (Connector<ConnectionConfig>) c;
    }
}
