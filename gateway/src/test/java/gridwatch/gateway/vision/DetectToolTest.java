package gridwatch.gateway.vision;

import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.SharedData;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's tuning tool on the real campus recording: one JSON line and one annotated frame per analysed frame. */
@Tag("models")
class DetectToolTest {

    @TempDir
    Path dir;

    @Test
    void aRecordingGetsOneJsonLineAndOneAnnotatedFramePerAnalysedFrame() throws Exception {
        Path file = dir.resolve("campus.yaml");
        Files.writeString(file, """
                gateway: {id: campus-box}
                uplink: {broker: "tcp://127.0.0.1:1"}
                zones: [{id: campus-1, gridCell: {code: "310104013007", name: 校园 第7网格}}]
                vision:
                  model: {path: "%s", sha256: "%s"}
                devices:
                  - id: cam-campus
                    profile: ip-camera
                    zone: campus-1
                    connection: {type: video, url: "%s"}
                    vision:
                      zones: [{id: path, polygon: [[0, 0.15], [1, 0.15], [1, 1], [0, 1]]}]
                      crowd: [{id: path-crowd, zone: path, minPeople: 4, minSeconds: 5, clearSeconds: 5}]
                      garbagePile: [{id: path-dumping, zone: path, learnSeconds: 5, persistMinutes: 1}]
                categories:
                  crowd.gathering: {code: "04-09", nameZh: 人群聚集, scheme: CJT214}
                  garbage.pile: {code: "01-03", nameZh: 积存垃圾渣土, scheme: CJT214}
                """.formatted(SharedData.path("models/yolox_nano.onnx"), SharedData.YOLOX_NANO_SHA256, SharedData.path("testdata/video/vtest.avi")));
        EdgeConfig cfg = new GatewayConfigLoader().load(file);
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        Path annotated = dir.resolve("vtest.annotated.avi");
        int frames;
        try (YoloxDetector detector = new YoloxDetector(VisionFactory.modelSpec(cfg.vision().model(), dir));
             SceneAnalyzer analyzer = new VisionFactory(cfg, dir, Clock.systemUTC()).analyzer(cfg.devices().getFirst(), detector)) {
            DetectTool tool = new DetectTool(analyzer, new PrintStream(lines, true, StandardCharsets.UTF_8));
            tool.video(SharedData.path("testdata/video/vtest.avi"), 0.5, annotated);
            frames = tool.frames();
        }
        // 79.5 s at one analysed frame every 2 s.
        assertThat(frames).isBetween(39, 41);
        assertThat(lines.toString(StandardCharsets.UTF_8).lines()).hasSize(frames).allMatch(l -> l.contains("\"detections\""));
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(annotated.toFile())) {
            g.start();
            assertThat(g.getImageWidth()).isEqualTo(768);
            int recorded = 0;
            while (g.grabImage() != null) {
                recorded++;
            }
            g.stop();
            assertThat(recorded).as("annotated frames in the copy").isEqualTo(frames);
        }
    }
}
