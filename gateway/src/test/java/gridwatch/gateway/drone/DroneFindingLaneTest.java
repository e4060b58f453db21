package gridwatch.gateway.drone;

import gridwatch.config.model.DroneConnection;
import gridwatch.config.model.DroneServerConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Lifetime;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.core.Subject;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.AlertFactory;
import gridwatch.gateway.alert.IncidentTracker;
import gridwatch.gateway.alert.outbox.Outbox;
import gridwatch.gateway.ingest.drone.DroneIngest;
import gridwatch.gateway.ingest.drone.DroneMetrics;
import gridwatch.gateway.ingest.drone.DroneStation;
import gridwatch.gateway.ops.GatewayMetrics;
import gridwatch.gateway.pipeline.AlertPipeline;
import gridwatch.gateway.pipeline.DeviceActivity;
import gridwatch.gateway.pipeline.DeviceHealth;
import gridwatch.gateway.rules.RuleEngine;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.profiles.ProfileLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 * A drone photo is not seen again, so its findings must not be dropped: with the real pipeline's finding lane full
 * (the pipeline built from its real parts and a real outbox, not yet started: a stalled pipeline thread is exactly
 * when the lane fills), the drone-analysis thread analyses the photo, then waits with its finding instead of losing
 * it, and the photo stays pending; once the pipeline runs, the finding becomes an alert and the photo is done.
 */
@Tag("models")
class DroneFindingLaneTest {

    @TempDir
    Path box;

    @Test
    void theAnalysisWaitsForRoomInTheFindingLaneAndLosesNothing() throws Exception {
        Path file = DroneBoxes.write(box, "tcp://127.0.0.1:1", "");
        EdgeConfig cfg = new GatewayConfigLoader().load(file);
        Clock clock = Clock.systemUTC();
        Queue<Alert> stored = new ConcurrentLinkedQueue<>();
        Path store = box.resolve("var/drone");
        try (Outbox outbox = new Outbox(box.resolve("var/outbox"), 1 << 26, false)) {
            AlertPipeline pipeline = new AlertPipeline(new DeviceHealth(cfg, new ProfileLoader().load(List.of())::find), new RuleEngine(cfg),
                    new IncidentTracker(cfg.alerts(), UUID::randomUUID), new AlertFactory(cfg, UUID::randomUUID, clock),
                    outbox, List.of(), new GatewayMetrics(), new DeviceActivity(), clock);
            pipeline.onStored(stored::add);
            int filler = 0;
            while (pipeline.tryFinding(new Finding("filler", "drone.people", Subject.object("drone-1", "park", "filler-" + filler, null), true,
                    Severity.BLUE, Instant.now(), "fills the lane", List.of(), List.of(), new Lifetime.OneShot(Duration.ofHours(1))))) {
                filler++;
            }
            assertThat(filler).as("the lane's bound").isEqualTo(4096);

            DroneConnection folder = new DroneConnection(box.resolve("dji-sync"), 0.3, 0.1, false, null, null, null, List.of("vehicles"));
            try (DroneIngest ingest = new DroneIngest(DroneServerConfig.defaults(), store, cfg.site().zoneId(), DroneMetrics.none(),
                    DroneAnalysis.open(cfg, store), clock)) {
                ingest.register(new DroneStation("drone-1", "park", folder));
                Files.createDirectories(box.resolve("dji-sync/p1"));
                Files.copy(DroneBoxes.photo("brighton_DJI_0032_w1000.jpg"), box.resolve("dji-sync/p1/DJI_0032.JPG"));
                ingest.start(pipeline);
                // The analysis is done (its memory holds the photo's car) and its finding is waiting for room.
                await().atMost(120, TimeUnit.SECONDS).until(() -> objects(store) == 1);
                long scans = System.nanoTime();
                await().atMost(30, TimeUnit.SECONDS).until(() -> System.nanoTime() - scans > TimeUnit.SECONDS.toNanos(2) && ingest.pending() == 1);
                assertThat(stored).isEmpty();

                pipeline.start();
                await().atMost(120, TimeUnit.SECONDS).until(() -> stored.stream().anyMatch(a -> a.type().equals("drone.vehicle")));
                await().atMost(30, TimeUnit.SECONDS).until(() -> ingest.pending() == 0);
                // (its one-shot incident ends at once as well: the flight is from 2016)
                assertThat(stored).filteredOn(a -> a.type().equals("drone.vehicle") && a.lifecycle() == gridwatch.gateway.alert.Lifecycle.START).singleElement()
                        .satisfies(a -> assertThat(a.gridCell().code()).startsWith("990001001001"));
                await().atMost(60, TimeUnit.SECONDS).until(() -> stored.stream().filter(a -> a.lifecycle() == gridwatch.gateway.alert.Lifecycle.START).count() == 4096 + 1);
            } finally {
                pipeline.close();
            }
        }
    }

    private static int objects(Path store) throws Exception {
        if (!Files.exists(store.resolve("analysis.db"))) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("analysis.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM object")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (java.sql.SQLException e) {
            return 0;   // the table is being created
        }
    }
}
