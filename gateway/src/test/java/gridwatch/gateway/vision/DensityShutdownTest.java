package gridwatch.gateway.vision;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.VideoConnection;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Reading;
import gridwatch.detectors.vision.density.DensitySampler;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A box shutting down while its density worker is inside an estimate: the campus recording played as
 * fast as the analysis goes, so the worker runs MCNN back to back. The gateway's order — cameras, then
 * the factory (density worker, then models) — must leave no density thread behind and never free the
 * model under the running estimate.
 */
@Tag("models")
class DensityShutdownTest {

    @TempDir
    Path dir;

    private static boolean workerAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("density-worker") && t.isAlive());
    }

    private static boolean workerInModel() {
        return Thread.getAllStackTraces().entrySet().stream().filter(e -> e.getKey().getName().equals("density-worker"))
                .anyMatch(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("ai.onnxruntime.OrtSession")));
    }

    @Test
    void closingTheCamerasThenTheFactoryWaitsForTheRunningEstimateAndEndsTheWorker() throws Exception {
        Path file = dir.resolve("campus.yaml");
        Files.writeString(file, """
                gateway: {id: campus-box}
                uplink: {broker: "tcp://127.0.0.1:1"}
                zones: [{id: campus-1, gridCell: {code: "310104013007", name: 校园 第7网格}}]
                vision:
                  model: {path: "%s", sha256: "%s"}
                  densityModel: {path: "%s", sha256: "%s"}
                devices:
                  - id: cam-campus
                    profile: ip-camera
                    zone: campus-1
                    connection: {type: video, url: "%s", analysisFps: 5, realtime: false, loop: true}
                    vision:
                      zones: [{id: path, polygon: [[0, 0.15], [1, 0.15], [1, 1], [0, 1]]}]
                      density: {periodSeconds: 1, inputWidth: 768}
                      crowd: [{id: path-crowd, zone: path, minPeople: 4}]
                categories:
                  crowd.gathering: {code: "04-09", nameZh: 人群聚集, scheme: CJT214}
                """.formatted(SharedData.path("models/yolox_nano.onnx"), SharedData.YOLOX_NANO_SHA256,
                SharedData.path("models/mcnn_shtechA.onnx"), DensityCameraToAlertTest.MCNN_A_SHA256, SharedData.path("testdata/video/vtest.avi")));
        EdgeConfig cfg = new GatewayConfigLoader().load(file);
        DeviceConfig d = cfg.devices().getFirst();
        VisionFactory vision = new VisionFactory(cfg, dir, Clock.systemUTC());
        CameraSource camera = vision.camera(d, (VideoConnection) d.connection(), ms -> { });
        DensitySampler density = camera.analyzer().density();
        assertThat(density).isNotNull();
        try {
            camera.start(new ReadingSink() {
                @Override
                public void accept(Reading reading) {
                }

                @Override
                public void finding(Finding finding) {
                }
            });
            await().atMost(120, TimeUnit.SECONDS).until(() -> density.estimates() >= 3);
            // Close while the worker is inside ONNX Runtime (it estimates back to back on this recording).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!workerInModel() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        } finally {
            camera.close();
            vision.close();
        }
        assertThat(workerAlive()).as("the density worker after the factory closed").isFalse();
        assertThat(density.failures()).as("estimates that failed (a model freed under one would crash or fail it)").isZero();
        long done = density.estimates();
        Thread.sleep(500);
        assertThat(density.estimates()).as("no estimate after the close").isEqualTo(done);
        assertThat(camera.describe()).contains(done + " density estimates");
    }
}
