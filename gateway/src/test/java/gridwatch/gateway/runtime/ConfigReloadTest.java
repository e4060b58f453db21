package gridwatch.gateway.runtime;

import gridwatch.config.model.ThresholdRuleConfig;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.Lifecycle;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Editing the running box's file: a valid change applies to thresholds at once, an invalid one is refused. */
class ConfigReloadTest {

    @TempDir
    Path dir;
    private Mosquitto broker;
    private Path file;
    private final Queue<Alert> stored = new ConcurrentLinkedQueue<>();
    private Gateway gateway;
    private Instant t = Instant.parse("2026-11-20T14:00:00Z");

    @BeforeEach
    void start() throws Exception {
        broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")));
        file = TestConfigs.thresholdBox(dir, broker.url(), 70, "outbox");
        gateway = Gateway.start(file, new GatewayConfigLoader().load(file), stored::add);
    }

    @AfterEach
    void stop() {
        gateway.close();
        broker.close();
    }

    private void reading(double v) {
        gateway.pipeline().accept(new Reading("noise-1", "Leq", v, "dB(A)", t, Quality.GOOD));
        t = t.plusSeconds(1);
    }

    private List<Lifecycle> lifecycles() {
        return stored.stream().map(Alert::lifecycle).toList();
    }

    @Test
    void aValidEditRaisesTheThresholdWithoutARestart() throws Exception {
        reading(75);
        await().atMost(5, TimeUnit.SECONDS).until(() -> stored.size() == 1);
        reading(60);
        await().atMost(5, TimeUnit.SECONDS).until(() -> stored.size() == 2);

        Files.writeString(file, Files.readString(file).replace("above: 70.0", "above: 80.0"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> gateway.reloader().reloads() == 1);

        reading(75);
        reading(85);
        await().atMost(5, TimeUnit.SECONDS).until(() -> stored.size() == 3);
        Thread.sleep(300);
        assertThat(lifecycles()).containsExactly(Lifecycle.START, Lifecycle.END, Lifecycle.START);
        assertThat(stored).last().satisfies(a -> assertThat(a.measurements().getFirst().value()).isEqualTo(85));
        assertThat(gateway.config().rules().getFirst()).isInstanceOfSatisfying(ThresholdRuleConfig.class,
                r -> assertThat(r.above()).isEqualTo(80.0));
    }

    @Test
    void anInvalidEditIsRefusedAndTheOldThresholdKeepsRunning() throws Exception {
        Files.writeString(file, Files.readString(file).replace("above: 70.0", "above: loud"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> gateway.reloader().rejected() == 1);
        assertThat(gateway.reloader().reloads()).isZero();

        reading(75);
        await().atMost(5, TimeUnit.SECONDS).until(() -> stored.size() == 1);
        assertThat(lifecycles()).containsExactly(Lifecycle.START);
    }

    @Test
    void reloadOnDemandAsSighupDoes() throws Exception {
        Files.writeString(file, Files.readString(file).replace("above: 70.0", "above: 72.5"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> gateway.reloader().reloads() >= 1);
        assertThat(gateway.reloader().reload()).isTrue();
        reading(72);
        reading(73);
        await().atMost(5, TimeUnit.SECONDS).until(() -> stored.size() == 1);
        assertThat(stored.peek().measurements().getFirst().value()).isEqualTo(73);
    }
}
