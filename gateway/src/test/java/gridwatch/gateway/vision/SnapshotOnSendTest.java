package gridwatch.gateway.vision;

import gridwatch.config.model.AlertPolicyConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.crowd.CrowdRule;
import gridwatch.detectors.vision.crowd.CrowdSpec;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.detectors.vision.snapshot.Annotator;
import gridwatch.detectors.vision.track.IouTracker;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.AlertFactory;
import gridwatch.gateway.alert.IncidentTracker;
import gridwatch.gateway.alert.Lifecycle;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.SharedData;
import gridwatch.gateway.support.TestConfigs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * Snapshots are drawn only for alerts that are sent. A steady crowd (frame 300 of the campus recording: 8 people)
 * analysed at 1 frame/s for two minutes under a one-hour update interval makes a finding on nearly every frame but
 * one alert, the START: one snapshot is rendered, not one a second as before.
 */
@Tag("models")
class SnapshotOnSendTest {

    private static final ImageZone PATH = new ImageZone("path", "cell-1",
            new NormalizedPolygon(List.of(new double[] {0, 0.15}, new double[] {1, 0.15}, new double[] {1, 1}, new double[] {0, 1})), List.of(), null);
    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSteadyIncidentUnderALongUpdateIntervalRendersOneSnapshotNotOnePerFrame() throws Exception {
        // The test box maps one alert type; which one is immaterial to the snapshot.
        AlertFactory factory = new AlertFactory(new GatewayConfigLoader().load(TestConfigs.thresholdBox(dir, "tcp://127.0.0.1:1", 70, "outbox")),
                UUID::randomUUID, Clock.systemUTC());
        IncidentTracker incidents = new IncidentTracker(new AlertPolicyConfig(3600, 0), UUID::randomUUID);
        CrowdRule crowd = new CrowdRule(new CrowdSpec("path-crowd", "noise.construction", PATH, 6, null, 10, 5, 3, 0.35f, Severity.YELLOW));
        List<Alert> sent = new ArrayList<>();
        int findings = 0;
        int frames = 120;
        Mat frame = imread(SharedData.path("testdata/images/vtest_frame300.jpg").toString());
        try (YoloxDetector detector = new YoloxDetector(ModelSpec.yoloxNano(SharedData.path("models/yolox_nano.onnx"), SharedData.YOLOX_NANO_SHA256));
             SceneAnalyzer analyzer = new SceneAnalyzer("cam-campus", detector, null, new IouTracker(IouTracker.Settings.defaults()),
                     List.of(crowd), List.of(PATH), List.of(), new Annotator(1280, 80))) {
            for (int s = 0; s < frames; s++) {
                for (Finding f : analyzer.analyse(frame, T0.plusSeconds(s)).findings()) {
                    findings++;
                    incidents.step(f, factory).ifPresent(p -> {
                        sent.add(p.madeUnder().create(p.finding(), p.step()));
                        incidents.stored(p);
                    });
                }
            }
            assertThat(findings).as("an active finding on nearly every frame").isGreaterThan(100);
            assertThat(sent).extracting(Alert::lifecycle).containsExactly(Lifecycle.START);
            String jpeg = (String) sent.getFirst().evidence().stream().filter(e -> e.kind().equals("snapshot")).findFirst().orElseThrow().data();
            byte[] bytes = Base64.getDecoder().decode(jpeg);
            assertThat(bytes[0] & 0xff).as("a JPEG (SOI marker)").isEqualTo(0xff);
            assertThat(bytes[1] & 0xff).isEqualTo(0xd8);
            assertThat(analyzer.snapshotsRendered()).as("snapshots drawn for %d findings", findings).isEqualTo(1);
        } finally {
            frame.close();
        }
    }
}
