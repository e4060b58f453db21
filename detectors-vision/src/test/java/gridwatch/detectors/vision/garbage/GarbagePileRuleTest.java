package gridwatch.detectors.vision.garbage;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.Shared;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.detectors.vision.snapshot.Annotator;
import gridwatch.detectors.vision.track.IouTracker;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
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
 * Staged footage from real pictures: the campus camera (vtest frames 0, 300, 600 in turn, people
 * walking) watched every 10 s for 15 min; in one run a real pile of seven recycling bags (Malta
 * street photo, the authors' own boxes) is dumped on the lawn at 100 s and taken away at 700 s.
 */
@Tag("models")
class GarbagePileRuleTest {

    private static YoloxDetector detector;
    private static final List<Mat> frames = new ArrayList<>();
    private static Mat pile;
    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final ImageZone LAWN = zone("lawn", 0.0, 0.6, 0.4, 1.0, 120.0);
    /** The footpath, where people walk all the time. */
    private static final ImageZone PATH = zone("path", 0.0, 0.28, 1.0, 0.58, null);

    private static ImageZone zone(String id, double x1, double y1, double x2, double y2, Double areaM2) {
        return new ImageZone(id, "campus-1", new NormalizedPolygon(List.of(new double[] {x1, y1}, new double[] {x2, y1},
                new double[] {x2, y2}, new double[] {x1, y2})), List.of(), areaM2);
    }

    @BeforeAll
    static void load() {
        detector = new YoloxDetector(Shared.yoloxNano());
        for (String f : List.of("vtest_frame000.jpg", "vtest_frame300.jpg", "vtest_frame600.jpg")) {
            frames.add(imread(Shared.path("testdata/images/" + f).toString()));
        }
        try (Mat photo = imread(Shared.path("testdata/garbage/malta_IMG_4432.jpg").toString());
             Mat bags = new Mat(photo, new Rect(100, 200, 540, 440))) {
            pile = new Mat();
            opencv_imgproc.resize(bags, pile, new Size(120, 98));
        }
    }

    @AfterAll
    static void close() {
        detector.close();
        frames.forEach(Mat::close);
        pile.close();
    }

    private static GarbagePileRule rule(ImageZone z) {
        return new GarbagePileRule(new GarbagePileSpec("no-dumping", "garbage.pile", z, 60, 35, 0.02, 300, 60, Set.of(), Severity.YELLOW));
    }

    /** 90 frames, one every 10 s; the pile lies on the lawn from step 10 to step 69 when {@code dump}. */
    private static List<Finding> watch(GarbagePileRule rule, boolean dump) {
        SceneAnalyzer a = new SceneAnalyzer("cam-campus", detector, null, new IouTracker(IouTracker.Settings.defaults()), List.of(rule),
                List.of(LAWN, PATH), List.of(), new Annotator(1280, 80));
        List<Finding> found = new ArrayList<>();
        for (int step = 0; step < 90; step++) {
            try (Mat frame = frames.get(step % 3).clone()) {
                if (dump && step >= 10 && step < 70) {
                    try (Mat at = new Mat(frame, new Rect(100, 430, pile.cols(), pile.rows()))) {
                        pile.copyTo(at);
                    }
                }
                for (Finding f : a.analyse(frame, T0.plusSeconds(10L * step)).findings()) {
                    found.add(f);
                }
            }
        }
        return found;
    }

    @Test
    void aPileDumpedOnTheLawnIsReportedAfterItPersistsAndEndsWhenCleared() {
        List<Finding> found = watch(rule(LAWN), true);
        assertThat(found).isNotEmpty();
        Finding start = found.getFirst();
        assertThat(start.active()).isTrue();
        // Dumped at 100 s, persistence 300 s: not before 400 s, and soon after.
        assertThat(start.observedAt()).isBetween(T0.plusSeconds(400), T0.plusSeconds(430));
        assertThat(start.measurements()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("areaShareOfZone");
            assertThat(m.value()).isBetween(0.08, 0.25); // the pile is 16 % of the zone's pixels
        });
        assertThat(start.measurements()).anySatisfy(m -> assertThat(m.name()).isEqualTo("areaM2"));
        assertThat(start.renderedEvidence()).anySatisfy(e -> assertThat(e.kind()).isEqualTo("snapshot"));
        Finding end = found.getLast();
        assertThat(end.active()).isFalse();
        // Taken away at 700 s, cleared after 60 s under half the threshold.
        assertThat(end.observedAt()).isBetween(T0.plusSeconds(760), T0.plusSeconds(790));
    }

    @Test
    void theCleanLawnStaysQuiet() {
        assertThat(watch(rule(LAWN), false)).isEmpty();
    }

    @Test
    void peopleWalkingThroughAZoneAllDayAreNotAPile() {
        assertThat(watch(rule(PATH), false)).isEmpty();
    }
}
