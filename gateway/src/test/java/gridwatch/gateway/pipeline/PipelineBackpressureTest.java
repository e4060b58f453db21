package gridwatch.gateway.pipeline;

import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.detectors.core.Severity;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.AlertFactory;
import gridwatch.gateway.alert.IncidentTracker;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 8, defect 4: the pipeline's callers never block. A camera thread handing a finding, the staleness watcher
 * and the config reloader must return at once even when the reading lane is full, and the finding must still
 * become an alert. The pipeline is built from the real parts (rules, incidents, a real outbox) and not started
 * until the lane is full: a stalled pipeline thread is exactly when the lane fills.
 */
class PipelineBackpressureTest {

    @TempDir
    Path dir;

    @Test
    void withTheReadingLaneFullFindingAndReconfigureReturnAtOnceAndTheFindingStillAlerts() throws Exception {
        Path file = TestConfigs.thresholdBox(dir, "tcp://127.0.0.1:1", 70, "outbox");
        EdgeConfig cfg = new GatewayConfigLoader().load(file);
        ProfileCatalog profiles = new ProfileLoader().load(List.of());
        Clock clock = Clock.systemUTC();
        Queue<Alert> stored = new ConcurrentLinkedQueue<>();
        try (Outbox outbox = new Outbox(dir.resolve("outbox"), 1 << 24, false)) {
            AlertPipeline pipeline = new AlertPipeline(new DeviceHealth(cfg, profiles::find), new RuleEngine(cfg),
                    new IncidentTracker(cfg.alerts(), UUID::randomUUID), new AlertFactory(cfg, UUID::randomUUID, clock),
                    outbox, List.of(), new GatewayMetrics(), new DeviceActivity(), clock);
            pipeline.onStored(stored::add);
            try {
                Instant t = Instant.parse("2026-11-20T14:00:00Z");
                for (int i = 0; i < 65_536; i++) { // one entry per reading, as single-reading sources enqueue them
                    pipeline.accept(new Reading("noise-1", "Leq", 60, "dB(A)", t.plusMillis(i), Quality.GOOD));
                }
                Finding crowd = new Finding("crowd-gate", "noise.construction", "noise-1", "cell-1", true, Severity.ORANGE,
                        t.plusSeconds(120), "a finding from outside the rules", List.of(), List.of());

                CompletableFuture<Void> reloaded = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                    pipeline.finding(crowd);
                    return pipeline.reconfigure(cfg);
                }, "finding() and reconfigure() must not wait for room in the reading lane");

                pipeline.start();
                await().atMost(30, TimeUnit.SECONDS).until(() -> stored.stream().anyMatch(a -> a.ruleId().equals("crowd-gate")));
                reloaded.get(30, TimeUnit.SECONDS);
            } finally {
                pipeline.close();
            }
        }
    }
}
