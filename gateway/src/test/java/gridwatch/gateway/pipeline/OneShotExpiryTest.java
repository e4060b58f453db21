package gridwatch.gateway.pipeline;

import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.GroundLocation;
import gridwatch.detectors.core.Lifetime;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.core.Subject;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.AlertFactory;
import gridwatch.gateway.alert.IncidentTracker;
import gridwatch.gateway.alert.Lifecycle;
import gridwatch.gateway.alert.outbox.Outbox;
import gridwatch.gateway.ops.GatewayMetrics;
import gridwatch.gateway.rules.RuleEngine;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.TestConfigs;
import gridwatch.profiles.ProfileCatalog;
import gridwatch.profiles.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A one-shot incident ends by itself in the running pipeline, with nothing else arriving: the pipeline wakes to check
 * TTLs on its own, and the END is stored in the real outbox like any alert.
 */
class OneShotExpiryTest {

    @TempDir
    Path dir;

    @Test
    void aSightingNotSeenAgainEndsWithNoFurtherInput() throws Exception {
        EdgeConfig cfg = new GatewayConfigLoader().load(TestConfigs.thresholdBox(dir, "tcp://127.0.0.1:1", 70, "outbox"));
        ProfileCatalog profiles = new ProfileLoader().load(List.of());
        Clock clock = Clock.systemUTC();
        Queue<Alert> stored = new ConcurrentLinkedQueue<>();
        try (Outbox outbox = new Outbox(dir.resolve("outbox"), 1 << 24, false)) {
            AlertPipeline pipeline = new AlertPipeline(new DeviceHealth(cfg, profiles::find), new RuleEngine(cfg),
                    new IncidentTracker(cfg.alerts(), UUID::randomUUID), new AlertFactory(cfg, UUID::randomUUID, clock),
                    outbox, List.of(), new GatewayMetrics(), new DeviceActivity(), clock);
            pipeline.onStored(stored::add);
            pipeline.start();
            try {
                Instant seen = clock.instant();
                pipeline.finding(new Finding("pile", "noise.construction",
                        Subject.object("drone-1", "cell-1", "obj-7", new GroundLocation(31.17, 121.43, 10)), true, Severity.YELLOW,
                        seen, "垃圾堆 obj-7", List.of(), List.of(), new Lifetime.OneShot(Duration.ofSeconds(2))));
                await().atMost(30, TimeUnit.SECONDS).until(() -> stored.stream().anyMatch(a -> a.lifecycle() == Lifecycle.END));
                assertThat(stored).extracting(Alert::lifecycle).containsExactly(Lifecycle.START, Lifecycle.END);
                Alert end = stored.stream().filter(a -> a.lifecycle() == Lifecycle.END).findFirst().orElseThrow();
                assertThat(end.objectKey()).isEqualTo("obj-7");
                assertThat(end.summary()).startsWith("not seen again within 2s");
                assertThat(end.observedAt()).isEqualTo(seen.plusSeconds(2));
            } finally {
                pipeline.close();
            }
        }
    }
}
