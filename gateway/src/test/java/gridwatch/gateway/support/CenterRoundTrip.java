package gridwatch.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/**
 * The end-to-end shape the to-alert tests share: a real mosquitto, the center subscribed to the
 * box's alerts, a gateway started from a YAML config, something done to it, and the first alert
 * the center receives.
 */
public final class CenterRoundTrip {

    /** What the test does to the running gateway to make an alert happen. */
    @FunctionalInterface
    public interface Drive {
        void run(Gateway g) throws Exception;
    }

    private CenterRoundTrip() {
    }

    /**
     * @param config the box config, given the broker URL
     * @return the {@code data} of the first CloudEvent the center received
     */
    public static JsonNode firstAlert(Path dir, String gatewayId, Function<String, String> config, Drive drive, Duration within)
            throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")))) {
            AlertCollector center = new AlertCollector(broker.url(), "gridwatch/v1/" + gatewayId + "/alerts/#");
            Path file = dir.resolve(gatewayId + ".yaml");
            Files.writeString(file, config.apply(broker.url()));
            try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> { })) {
                drive.run(g);
                await().atMost(within).until(() -> !center.events().isEmpty());
            } finally {
                center.close();
            }
            return center.events().getFirst().get("data");
        }
    }
}
