package gridwatch.gateway.runtime;

import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.RuleConfig;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Editing the running box's file: a valid change applies to thresholds at once, an invalid one is refused. */
@Tag("servers")
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

    private static EdgeConfig withRules(EdgeConfig c, List<RuleConfig> rules) {
        return new EdgeConfig(c.gateway(), c.site(), c.uplink(), c.outbox(), c.http(), c.ingest(), c.profiles(), c.zones(),
                c.devices(), c.categories(), rules, c.alerts(), c.health(), c.timeseries(), c.sinks(), c.vision());
    }

    /**
     * Issue 8, defect 3: the new rule set is built whole before anything changes. The second rule cannot be built
     * (a severity the loader would refuse, handed to the pipeline directly as a stand-in for any failure half-way);
     * the first, which raises the threshold to 80, must not have taken effect either.
     */
    @Test
    void aReloadThatFailsHalfWayLeavesEveryRuleOnItsOldThresholds() throws Exception {
        EdgeConfig running = gateway.config();
        ThresholdRuleConfig loud = (ThresholdRuleConfig) running.rules().getFirst();
        ThresholdRuleConfig raised = new ThresholdRuleConfig(loud.id(), loud.alertType(), loud.devices(), loud.resource(),
                loud.forSeconds(), loud.hysteresis(), loud.severity(), 80.0);
        ThresholdRuleConfig broken = new ThresholdRuleConfig("broken", loud.alertType(), loud.devices(), loud.resource(),
                null, null, "purple", 50.0);
        CompletableFuture<Void> outcome = gateway.pipeline().reconfigure(withRules(running, List.of(raised, broken)));
        assertThatThrownBy(() -> outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("rule broken on noise-1");

        reading(75); // over the old 70, under the refused 80
        await().atMost(5, TimeUnit.SECONDS).until(() -> stored.size() == 1);
        assertThat(lifecycles()).containsExactly(Lifecycle.START);
        assertThat(gateway.config()).isSameAs(running);
    }

    /**
     * Issue 8, defect 3: categories and thresholds switch in one step. Readings flood the pipeline (each batch crosses
     * the threshold once) while the file changes both the category and the threshold: no alert may open with the new
     * category on a value only the old threshold alerts on, and the first alert under the new config has both.
     */
    @Test
    void underAReadingFloodCategoryAndThresholdSwitchTogether() throws Exception {
        AtomicBoolean flooding = new AtomicBoolean(true);
        Instant floodStart = t.plusSeconds(60);
        Thread flood = Thread.ofPlatform().name("test-flood").start(() -> {
            Instant ft = floodStart;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (flooding.get() && System.nanoTime() < until) {
                List<Reading> batch = new ArrayList<>(4000);
                for (int i = 0; i < 3998; i++) {
                    ft = ft.plusMillis(1);
                    batch.add(new Reading("noise-1", "Leq", 60, "dB(A)", ft, Quality.GOOD));
                }
                ft = ft.plusMillis(1);
                batch.add(new Reading("noise-1", "Leq", 75, "dB(A)", ft, Quality.GOOD));
                ft = ft.plusMillis(1);
                batch.add(new Reading("noise-1", "Leq", 60, "dB(A)", ft, Quality.GOOD));
                gateway.pipeline().acceptAll(batch);
            }
        });
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> stored.size() >= 4);
            Files.writeString(file, Files.readString(file).replace("above: 70.0", "above: 80.0")
                    .replace("code: \"03-01\", nameZh: 施工扰民", "code: \"03-07\", nameZh: 夜间施工"));
            assertThat(gateway.reloader().reload()).isTrue();
            double after = gateway.metrics().readingsInCount("noise-1") + 200_000;
            await().atMost(20, TimeUnit.SECONDS).until(() -> gateway.metrics().readingsInCount("noise-1") > after);
        } finally {
            flooding.set(false);
            flood.join();
        }
        t = Instant.parse("2027-01-01T00:00:00Z");
        reading(85);
        await().atMost(10, TimeUnit.SECONDS).until(() -> stored.stream().anyMatch(a -> a.measurements().getFirst().value() == 85));

        List<Alert> starts = stored.stream().filter(a -> a.lifecycle() == Lifecycle.START).toList();
        List<String> openedUnderNewCategory = starts.stream().filter(a -> a.category().code().equals("03-07"))
                .map(a -> a.category().nameZh() + " " + a.summary()).toList();
        assertThat(openedUnderNewCategory).as("alerts opened under the new category: only over the new limit 80")
                .isNotEmpty().allSatisfy(s -> assertThat(s).endsWith("over the limit 80.0"));
        assertThat(starts).filteredOn(a -> a.category().code().equals("03-01"))
                .allSatisfy(a -> assertThat(a.summary()).endsWith("over the limit 70.0"));
        Alert last = stored.stream().filter(a -> a.measurements().getFirst().value() == 85).findFirst().orElseThrow();
        assertThat(last.category().code()).isEqualTo("03-07");
        assertThat(last.category().nameZh()).isEqualTo("夜间施工");
    }
}
