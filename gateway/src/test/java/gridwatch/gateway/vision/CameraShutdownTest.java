package gridwatch.gateway.vision;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.VideoConnection;
import gridwatch.detectors.core.Finding;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.SharedData;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A camera's whole shutdown path, on the campus recording with the real model: decoding stops,
 * the analysis thread ends, the rules' native memory is freed, and the shared model is never
 * freed under an inference, whichever is closed first.
 */
@Tag("models")
class CameraShutdownTest {

    @TempDir
    Path dir;

    private EdgeConfig config() throws Exception {
        Path file = dir.resolve("campus.yaml");
        Files.writeString(file, """
                gateway: {id: campus-box}
                site: {timeZone: Asia/Shanghai}
                uplink: {broker: "tcp://127.0.0.1:1"}
                zones: [{id: campus-1, gridCell: {code: "310104013007", name: 校园 第7网格}}]
                vision:
                  model: {path: "%s", sha256: "%s"}
                  motion: {enabled: true, refreshSeconds: 1}
                devices:
                  - id: cam-campus
                    profile: ip-camera
                    zone: campus-1
                    connection: {type: video, url: "%s", analysisFps: 5, realtime: false, loop: true}
                    vision:
                      zones:
                        - {id: path, polygon: [[0, 0.15], [1, 0.15], [1, 1], [0, 1]]}
                        - {id: lawn, polygon: [[0.0, 0.6], [0.4, 0.6], [0.4, 1.0], [0.0, 1.0]], areaM2: 120}
                      lines:
                        - {id: exit, from: [0.05, 0.9], to: [0.95, 0.9]}
                      crowd:
                        - {id: path-crowd, zone: path, minPeople: 4, minSeconds: 5, clearSeconds: 5}
                      garbagePile:
                        - {id: lawn-no-dumping, zone: lawn, learnSeconds: 1, persistMinutes: 5}
                      muckTruck:
                        - {id: exit-muck, line: exit, labels: [car, truck, bus, person], minScore: 0.3}
                categories:
                  crowd.gathering: {code: "04-09", nameZh: 人群聚集, scheme: CJT214}
                  garbage.pile: {code: "01-03", nameZh: 积存垃圾渣土, scheme: CJT214}
                  muck-truck.unwashed: {code: "01-05", nameZh: 渣土车未冲洗, scheme: CJT214}
                """.formatted(SharedData.path("models/yolox_nano.onnx"), SharedData.YOLOX_NANO_SHA256,
                SharedData.path("testdata/video/vtest.avi")));
        return new GatewayConfigLoader().load(file);
    }

    private static final class Findings implements ReadingSink {
        final List<Finding> got = new CopyOnWriteArrayList<>();

        @Override
        public void accept(gridwatch.detectors.core.Reading reading) {
        }

        @Override
        public void finding(Finding finding) {
            got.add(finding);
        }
    }

    private static boolean analysisThreadAlive(String deviceId) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("camera-analysis-" + deviceId) && t.isAlive());
    }

    /** Opens the camera, lets it analyse a few frames (rules tracking, scoring, learning), closes it. */
    private static CameraSource cycle(VisionFactory vision, DeviceConfig d) {
        CameraSource camera = vision.camera(d, (VideoConnection) d.connection(), ms -> { });
        camera.start(new Findings());
        await().atMost(60, TimeUnit.SECONDS).until(() -> camera.stream().analysed() >= 4);
        camera.close();
        assertThat(analysisThreadAlive(d.id())).as("analysis thread after close").isFalse();
        return camera;
    }

    @Test
    void closedCamerasLeaveNoNativeMemoryOfTheirRulesBehind() throws Exception {
        EdgeConfig cfg = config();
        DeviceConfig d = cfg.devices().getFirst();
        try (VisionFactory vision = new VisionFactory(cfg, dir, Clock.systemUTC())) {
            cycle(vision, d); // the model's, FFmpeg's and OpenCV's one-time allocations
            long before = Pointer.totalCount();
            List<CameraSource> closed = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                closed.add(cycle(vision, d));
            }
            long left = Pointer.totalCount() - before;
            assertThat(left).as("native objects still allocated after 6 cameras were opened, run and closed").isLessThanOrEqualTo(3);
            assertThat(closed).hasSize(6); // every closed camera stays reachable until here
        }
    }

    @Test
    void theModelClosedUnderARunningCameraIsNotFreedUnderItsInference() throws Exception {
        EdgeConfig cfg = config();
        DeviceConfig d = cfg.devices().getFirst();
        VisionFactory vision = new VisionFactory(cfg, dir, Clock.systemUTC());
        CameraSource camera = vision.camera(d, (VideoConnection) d.connection(), ms -> { });
        try {
            camera.start(new Findings());
            // realtime: false, so the analysis thread runs the model back to back: the close lands mid-inference.
            await().atMost(60, TimeUnit.SECONDS).until(() -> camera.analyzer().inferences() >= 5);
            vision.close();
            // close() returned once the inference it waited for returned, maybe before the analysis
            // thread counted it: read the count once that thread has started on a later frame.
            long atClose = camera.analyzer().frames();
            await().atMost(60, TimeUnit.SECONDS).until(() -> camera.analyzer().frames() > atClose);
            long inferred = camera.analyzer().inferences();
            long frames = camera.analyzer().frames();
            // The camera goes on decoding and handing frames to its analysis; the closed model refuses them.
            await().atMost(60, TimeUnit.SECONDS).until(() -> camera.analyzer().frames() >= frames + 5);
            assertThat(camera.analyzer().inferences()).as("inferences after the model was closed").isEqualTo(inferred);
        } finally {
            camera.close();
        }
        assertThat(analysisThreadAlive(d.id())).isFalse();
    }
}
