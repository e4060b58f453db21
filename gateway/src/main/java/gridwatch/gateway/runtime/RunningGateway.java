package gridwatch.gateway.runtime;

import org.jspecify.annotations.Nullable;

import gridwatch.config.ConfigException;
import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.uplink.embedded.EmbeddedBroker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A gateway plus, when the config says {@code broker: embedded}, the local broker it talks to.
 * Stops both, gateway first, so the last status reaches the broker.
 */
public final class RunningGateway implements AutoCloseable {

    public static final int DEFAULT_EMBEDDED_PORT = 1883;

    private final @Nullable EmbeddedBroker broker;
    private final Gateway gateway;

    private RunningGateway(@Nullable EmbeddedBroker broker, Gateway gateway) {
        this.broker = broker;
        this.gateway = gateway;
    }

    public static RunningGateway start(Path configFile, EdgeConfig config, Consumer<Alert> onStored)
            throws ConfigException, IOException, InterruptedException {
        EmbeddedBroker broker = null;
        EdgeConfig effective = config;
        if (config.uplink().embedded()) {
            Path work = Objects.requireNonNull(config.outbox().directory(), Gateway.NO_OUTBOX).resolveSibling("broker");
            broker = EmbeddedBroker.start(work, DEFAULT_EMBEDDED_PORT);
            effective = effective.withUplink(effective.uplink().withBroker(broker.url()));
        }
        try {
            return new RunningGateway(broker, Gateway.start(configFile, effective, onStored));
        } catch (RuntimeException | IOException | ConfigException | InterruptedException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    public Gateway gateway() {
        return gateway;
    }

    /** The embedded broker's port, or -1 when an external broker is configured. */
    public int embeddedBrokerPort() {
        return broker == null ? -1 : broker.port();
    }

    @Override
    public void close() {
        gateway.close();
        if (broker != null) {
            broker.close();
        }
    }
}
