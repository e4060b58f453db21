package gridwatch.detectors.vision.muck;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.Shared;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.detectors.vision.snapshot.Annotator;
import gridwatch.detectors.vision.track.IouTracker;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.detectors.vision.zone.CountingLine;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * Staged footage, because no real site-exit video of a muddy truck exists in ../shared: the real
 * heavy-truck photo (BIT-Vehicle, checkpoint CCTV) driven across an exit line over the real campus
 * frame, once as photographed and once with loess-coloured mud splashed on its lower third. The
 * whole chain runs: YOLOX finds the truck, the tracker follows it, the rule scores it.
 */
@Tag("models")
class MuckTruckRuleTest {

    private static YoloxDetector detector;
    private static Mat photo;
    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    /** Across the lower part of the picture; the site is above it (left of A→B), the road below. */
    private static final CountingLine EXIT = new CountingLine("gate-exit", "site-0423", 0.05, 0.72, 0.95, 0.72);
    /** BIT-Vehicle's own box of the truck in the photo: [657, 1, 1552, 748]. */
    private static final Rect TRUCK = new Rect(657, 1, 895, 747);

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

    /** The photo with loess-coloured spray over the lower quarter of the truck, denser towards the wheels. */
    private static Mat muddy() {
        Mat m = photo.clone();
        Random r = new Random(7);
        int top = TRUCK.y() + (int) (TRUCK.height() * 0.75);
        int bottom = TRUCK.y() + TRUCK.height();
        for (int i = 0; i < 1500; i++) {
            int x = TRUCK.x() + r.nextInt(TRUCK.width());
            int y = top + (int) ((bottom - top) * Math.sqrt(r.nextDouble()));
            int shade = r.nextInt(35);
            opencv_imgproc.circle(m, new Point(x, y), 1 + r.nextInt(5), new Scalar(40 + shade, 85 + shade, 125 + shade, 0), -1,
                    opencv_imgproc.LINE_AA, 0);
        }
        return m;
    }

    /**
     * The checkpoint camera's view as the truck drives towards it: a 1280×960 window over the
     * photo slides up 40 px a frame, so the truck moves down the picture and crosses the exit
     * line between the fifth and sixth frame; 1 analysed frame/s.
     */
    private static List<Finding> drive(Mat scene, MuckTruckRule rule) {
        SceneAnalyzer a = new SceneAnalyzer("cam-gate", detector, null, new IouTracker(IouTracker.Settings.defaults()), List.of(rule),
                List.of(), List.of(EXIT), new Annotator(1280, 80));
        List<Finding> found = new ArrayList<>();
        for (int step = 0; step < 7; step++) {
            try (Rect window = new Rect(160, 240 - 40 * step, 1280, 960); Mat frame = new Mat(scene, window).clone()) {
                var res = a.analyse(frame, T0.plusSeconds(step));
                found.addAll(res.findings());
            }
        }
        return found;
    }

    private static MuckTruckRule rule() {
        return new MuckTruckRule(new MuckTruckSpec("gate-muck", "muck-truck.unwashed", EXIT, Set.of("truck", "bus"), 0.3f, 0.45, 10, 120,
                MudScore.Settings.defaults(), Severity.ORANGE));
    }

    @Test
    void aMuddyTruckLeavingIsAnAlertWithItsBestViewAndScore() {
        MuckTruckRule rule = rule();
        List<Finding> found;
        try (Mat m = muddy()) {
            found = drive(m, rule);
        }
        assertThat(rule.exits()).isEqualTo(1);
        assertThat(rule.unwashedExits()).isEqualTo(1);
        assertThat(found).isNotEmpty();
        Finding f = found.getFirst();
        assertThat(f.active()).isTrue();
        assertThat(f.zoneId()).isEqualTo("site-0423");
        assertThat(f.measurements()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("mudScore");
            assertThat(m.value()).isGreaterThanOrEqualTo(0.45);
        });
        assertThat(f.renderedEvidence()).extracting(e -> e.kind()).contains("best-view", "snapshot");
    }

    @Test
    void theSameTruckAsPhotographedLeavesCountedButNotAlerted() {
        MuckTruckRule rule = rule();
        assertThat(drive(photo, rule)).isEmpty();
        assertThat(rule.exits()).isEqualTo(1);
        assertThat(rule.unwashedExits()).isZero();
    }

    @Test
    void mudScoresSeparateTheMuddyFromTheCleanAndNeverExceedOne() {
        try (Mat m = muddy()) {
            var box = new gridwatch.detectors.vision.Box(TRUCK.x(), TRUCK.y(), TRUCK.x() + TRUCK.width(), TRUCK.y() + TRUCK.height());
            MudScore.Sample clean = MudScore.of(photo, box, MudScore.Settings.defaults());
            MudScore.Sample dirty = MudScore.of(m, box, MudScore.Settings.defaults());
            assertThat(clean.score()).isLessThan(0.4);
            assertThat(dirty.score()).isGreaterThan(0.6).isLessThanOrEqualTo(1.0);
            assertThat(dirty.colourShare()).isGreaterThan(clean.colourShare() + 0.2);
        }
    }
}
