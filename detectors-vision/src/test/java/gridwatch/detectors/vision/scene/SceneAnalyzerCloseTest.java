package gridwatch.detectors.vision.scene;

import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.Shared;
import gridwatch.detectors.vision.garbage.GarbagePileRule;
import gridwatch.detectors.vision.garbage.GarbagePileSpec;
import gridwatch.detectors.vision.motion.MotionGate;
import gridwatch.detectors.vision.muck.MudScore;
import gridwatch.detectors.vision.muck.MuckTruckRule;
import gridwatch.detectors.vision.muck.MuckTruckSpec;
import gridwatch.detectors.vision.snapshot.Annotator;
import gridwatch.detectors.vision.track.IouTracker;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.detectors.vision.zone.CountingLine;
import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * Closing a camera's analysis chain frees the native memory its rules and motion gate hold: the
 * garbage-pile rule's working images, the muck-truck rule's best views of the trucks still in
 * sight, the gate's background. Counted with JavaCPP's own tally of live native objects
 * ({@link Pointer#totalCount()}), while the closed analyzers are still referenced, so the garbage
 * collector cannot free what close() forgot. The analysis itself must not leave any behind either
 * (a mean returned by value, a snapshot's points and colours).
 */
@Tag("models")
class SceneAnalyzerCloseTest {

    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final ImageZone YARD = new ImageZone("yard", "site-0423", NormalizedPolygon.wholeFrame(), List.of(), 200.0);
    private static final CountingLine EXIT = new CountingLine("gate-exit", "site-0423", 0.05, 0.72, 0.95, 0.72);
    private static YoloxDetector detector;
    private static Mat photo;

    @BeforeAll
    static void load() {
        detector = new YoloxDetector(Shared.yoloxNano());
        photo = imread(Shared.path("testdata/trucks/bit_vehicle_0009697.jpg").toString());
    }

    @AfterAll
    static void close() {
        detector.close();
        photo.close();
    }

    private static SceneAnalyzer analyzer() {
        List<SceneRule> rules = List.of(
                new GarbagePileRule(new GarbagePileSpec("no-dumping", "garbage.pile", YARD, 0, 35, 0.02, 300, 60, Set.of(), Severity.YELLOW)),
                new MuckTruckRule(new MuckTruckSpec("gate-muck", "muck-truck.unwashed", EXIT, Set.of("truck", "bus"), 0.3f, 0.45, 10, 120,
                        MudScore.Settings.defaults(), Severity.ORANGE)));
        return new SceneAnalyzer("cam-gate", detector, new MotionGate(MotionGate.Settings.defaults(), List.of(YARD)),
                new IouTracker(IouTracker.Settings.defaults()), rules, List.of(YARD), List.of(EXIT), new Annotator(1280, 80));
    }

    /** The truck drives towards the camera (see MuckTruckRuleTest) but stays above the exit line. */
    private static SceneAnalyzer watchTheTruckComeCloser() {
        SceneAnalyzer a = analyzer();
        for (int step = 0; step < 3; step++) {
            try (Rect window = new Rect(160, 240 - 40 * step, 1280, 960); Mat view = new Mat(photo, window); Mat frame = view.clone()) {
                a.analyse(frame, T0.plusSeconds(step));
            }
        }
        return a;
    }

    @Test
    void closingAnAnalyzerFreesWhatItsRulesAndGateHold() {
        // The model keeps a view of its input canvas per frame size: made once, by the first frame.
        watchTheTruckComeCloser().close();
        long before = Pointer.totalCount();
        List<SceneAnalyzer> closed = new ArrayList<>();
        for (int camera = 0; camera < 12; camera++) {
            // The truck is tracked, scored and its best view kept, as at any moment of a shutdown.
            SceneAnalyzer a = watchTheTruckComeCloser();
            a.close();
            closed.add(a);
        }
        long left = Pointer.totalCount() - before;
        assertThat(left).as("native objects still allocated after 12 analyzers were closed").isLessThanOrEqualTo(2);
        assertThat(closed).hasSize(12); // keeps every closed analyzer reachable until here
    }
}
