package gridwatch.detectors.vision.scene;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.Shared;
import gridwatch.detectors.vision.TiledDetector;
import gridwatch.detectors.vision.crowd.CrowdRule;
import gridwatch.detectors.vision.crowd.CrowdSpec;
import gridwatch.detectors.vision.motion.MotionGate;
import gridwatch.detectors.vision.post.KeyPostRule;
import gridwatch.detectors.vision.post.KeyPostSpec;
import gridwatch.detectors.vision.snapshot.Annotator;
import gridwatch.detectors.vision.track.IouTracker;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * The analysis chain on real frames of the campus recording (frames 0, 300 and 600 of vtest.avi:
 * 4, 8 and 7 pedestrians), replayed as a slow camera at 1 frame/s.
 */
@Tag("models")
class SceneAnalyzerTest {

    private static YoloxDetector detector;
    private static final List<Mat> frames = new ArrayList<>();
    private static final ImageZone PATH = new ImageZone("path", "campus-1",
            new NormalizedPolygon(List.of(new double[] {0, 0.15}, new double[] {1, 0.15}, new double[] {1, 1}, new double[] {0, 1})), List.of(), 400.0);
    /** The lawn in the lower left: nobody walks there in the recording. */
    private static final ImageZone LAWN = new ImageZone("lawn-post", "campus-1",
            new NormalizedPolygon(List.of(new double[] {0, 0.7}, new double[] {0.3, 0.7}, new double[] {0.3, 1}, new double[] {0, 1})), List.of(), null);
    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z"); // 10:00 in Shanghai

    @BeforeAll
    static void load() {
        detector = new YoloxDetector(Shared.yoloxNano());
        for (String f : List.of("vtest_frame000.jpg", "vtest_frame300.jpg", "vtest_frame600.jpg")) {
            frames.add(imread(Shared.path("testdata/images/" + f).toString()));
        }
    }

    @AfterAll
    static void close() {
        detector.close();
        frames.forEach(Mat::close);
    }

    private static SceneAnalyzer analyzer(List<SceneRule> rules, MotionGate gate) {
        return new SceneAnalyzer("cam-campus", detector, gate, new IouTracker(IouTracker.Settings.defaults()), rules,
                List.of(PATH, LAWN), List.of(), new Annotator(1280, 80));
    }

    private static CrowdRule crowd(int minPeople) {
        return new CrowdRule(new CrowdSpec("path-crowd", "crowd.gathering", PATH, minPeople, null, 10, 5, 3, 0.35f, Severity.YELLOW));
    }

    /** Plays the three frames as a camera that shows each for {@code perFrame} seconds at 1 frame/s. */
    private static List<Finding> play(SceneAnalyzer a, int perFrame) {
        List<Finding> out = new ArrayList<>();
        int s = 0;
        for (Mat m : frames) {
            for (int i = 0; i < perFrame; i++, s++) {
                out.addAll(a.analyse(m, T0.plusSeconds(s)).findings());
            }
        }
        return out;
    }

    @Test
    void sevenOrEightPeopleOnThePathForLongerThanTheRuleAsksIsACrowd() {
        List<Finding> f = play(analyzer(List.of(crowd(6)), null), 15);
        assertThat(f).isNotEmpty();
        Finding first = f.getFirst();
        assertThat(first.active()).isTrue();
        assertThat(first.ruleId()).isEqualTo("path-crowd");
        assertThat(first.zoneId()).isEqualTo("campus-1");
        // Frame 0 has 4 people: the crowd starts on frame 300 (t = 15 s) and must hold 10 s.
        assertThat(first.observedAt()).isAfterOrEqualTo(T0.plusSeconds(25));
        assertThat(first.measurements()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("peoplePeak");
            assertThat(m.value()).isBetween(6.0, 9.0);
        });
        assertThat(first.renderedEvidence()).anySatisfy(e -> assertThat(e.kind()).isEqualTo("snapshot"));
    }

    @Test
    void aThresholdAboveWhatTheSceneHoldsStaysQuiet() {
        assertThat(play(analyzer(List.of(crowd(12)), null), 15)).isEmpty();
    }

    @Test
    void aPostNobodyStandsAtIsReportedAbsentDuringDutyHours() {
        KeyPostRule post = new KeyPostRule(new KeyPostSpec("lawn-post-absent", "post.absence", LAWN, LocalTime.of(8, 0), LocalTime.of(18, 0),
                ZoneId.of("Asia/Shanghai"), 20, 0.3f, Severity.YELLOW));
        List<Finding> f = play(analyzer(List.of(post), null), 10);
        assertThat(f).isNotEmpty();
        assertThat(f.getFirst().active()).isTrue();
        assertThat(f.getFirst().summary()).contains("nobody at post lawn-post");
        assertThat(f.getFirst().observedAt()).isEqualTo(T0.plusSeconds(21));
    }

    @Test
    void aPostStaffedByPassersByIsNotAbsent() {
        // The whole path zone as a "post": someone is always there.
        KeyPostRule post = new KeyPostRule(new KeyPostSpec("path-post", "post.absence", PATH, LocalTime.of(8, 0), LocalTime.of(18, 0),
                ZoneId.of("Asia/Shanghai"), 5, 0.3f, Severity.YELLOW));
        assertThat(play(analyzer(List.of(post), null), 10)).isEmpty();
    }

    @Test
    void aStillSceneSkipsTheModelExceptForThePeriodicRefresh() {
        SceneAnalyzer gated = analyzer(List.of(crowd(6)), new MotionGate(MotionGate.Settings.defaults(), List.of(PATH)));
        Mat still = frames.get(1);
        List<Finding> found = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            found.addAll(gated.analyse(still, T0.plusSeconds(s)).findings());
        }
        // The first frame, then one refresh every 10 s: 6 of 60.
        assertThat(gated.inferences()).isBetween(6L, 7L);
        // A different frame is motion: the model runs at once.
        gated.analyse(frames.get(2), T0.plusSeconds(60));
        assertThat(gated.inferences()).isBetween(7L, 8L);
        // The rule still sees the people while the model rests: the crowd was found anyway.
        assertThat(gated.frames()).isEqualTo(61);
        assertThat(found).anySatisfy(f -> assertThat(f.active()).isTrue());
    }

    @Test
    void aDenseRealCrowdNeedsTilingToReachACrowdThresholdInTheTens() {
        ImageZone square = new ImageZone("square", "plaza-1", NormalizedPolygon.wholeFrame(), List.of(), null);
        CrowdSpec spec = new CrowdSpec("square-crowd", "crowd.gathering", square, 20, null, 5, 5, 3, 0.3f, Severity.ORANGE);
        try (Mat crowd = imread(Shared.path("testdata/crowd/shtA_IMG_167.jpg").toString())) {
            List<Finding> whole = new ArrayList<>();
            List<Finding> tiled = new ArrayList<>();
            SceneAnalyzer plain = new SceneAnalyzer("cam-plaza", detector, null, new IouTracker(IouTracker.Settings.defaults()),
                    List.of(new CrowdRule(spec)), List.of(square), List.of(), new Annotator(1280, 80));
            SceneAnalyzer tiles = new SceneAnalyzer("cam-plaza", new TiledDetector(detector, 3, 3, 0.2, 0.45f), null,
                    new IouTracker(IouTracker.Settings.defaults()), List.of(new CrowdRule(spec)), List.of(square), List.of(), new Annotator(1280, 80));
            for (int s = 0; s < 10; s++) {
                whole.addAll(plain.analyse(crowd, T0.plusSeconds(s)).findings());
                tiled.addAll(tiles.analyse(crowd, T0.plusSeconds(s)).findings());
            }
            // 271 people by ShanghaiTech's head points; the whole 416-px frame finds none of them.
            assertThat(whole).isEmpty();
            assertThat(tiled).isNotEmpty();
            assertThat(tiled.getFirst().measurements()).anySatisfy(m -> {
                assertThat(m.name()).isEqualTo("peoplePeak");
                assertThat(m.value()).isBetween(20.0, 271.0);
            });
        }
    }
}
