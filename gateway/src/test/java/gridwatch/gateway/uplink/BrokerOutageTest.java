package gridwatch.gateway.uplink;

import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.AlertCollector;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.TestConfigs;
import gridwatch.gateway.uplink.mqtt.UplinkState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The broker goes away mid-stream for several seconds and comes back: every alert arrives, in order. */
@Tag("servers")
class BrokerOutageTest {

    @TempDir
    Path dir;

    @Test
    void everyAlertProducedDuringAnOutageArrivesAfterTheBrokerReturns() throws Exception {
        Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")));
        AlertCollector center = new AlertCollector(broker.url(), "gridwatch/v1/test-box/alerts/#");
        Path file = TestConfigs.thresholdBox(dir, broker.url(), 70, "outbox");
        Queue<Alert> stored = new ConcurrentLinkedQueue<>();
        Instant t = Instant.parse("2026-11-20T14:00:00Z");
        try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), stored::add)) {
            await().atMost(15, TimeUnit.SECONDS).until(() -> g.uplink().connected());
            for (int i = 0; i < 600; i++) {
                if (i == 150) {
                    broker.stop();
                    await().atMost(10, TimeUnit.SECONDS).until(() -> g.uplink().state().phase() != UplinkState.Phase.CONNECTED);
                }
                if (i == 450) {
                    assertThat(g.outbox().stats().depth()).as("alerts buffer while the broker is away").isGreaterThan(100);
                    Thread.sleep(2000);
                    broker.start();
                }
                // Alternating above and below the limit: each reading starts or ends an incident.
                g.pipeline().accept(new Reading("noise-1", "Leq", i % 2 == 0 ? 75 : 60, "dB(A)", t, Quality.GOOD));
                t = t.plusSeconds(1);
                Thread.sleep(i >= 150 && i < 450 ? 10 : 2);
            }
            await().atMost(20, TimeUnit.SECONDS).until(() -> stored.size() == 600);
            List<String> produced = stored.stream().map(a -> a.alertId().toString()).toList();
            center.awaitAll(produced, java.time.Duration.ofSeconds(60), () -> "uplink " + g.uplink().state() + ", outbox " + g.outbox().stats());
            await().atMost(10, TimeUnit.SECONDS).until(() -> g.outbox().stats().depth() == 0);

            List<String> firstSeen = new ArrayList<>(new LinkedHashSet<>(center.events().stream().map(e -> e.get("id").asText()).toList()));
            assertThat(firstSeen).as("order per source").containsExactlyElementsOf(produced);
            assertThat(g.uplink().state().connects()).isGreaterThanOrEqualTo(2);
        } finally {
            center.close();
            broker.close();
        }
    }
}
