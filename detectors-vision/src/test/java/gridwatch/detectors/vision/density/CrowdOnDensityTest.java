package gridwatch.detectors.vision.density;

import gridwatch.detectors.core.Evidence;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.ObjectDetector;
import gridwatch.detectors.vision.Shared;
import gridwatch.detectors.vision.TiledDetector;
import gridwatch.detectors.vision.crowd.CrowdRule;
import gridwatch.detectors.vision.crowd.CrowdSpec;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * The crowd rule (人群聚集) on the hybrid count, on real pictures played as a still camera at one frame a
 * second: a dense crowd from {@code crowd2} reaches a threshold of 100 the detector alone cannot, with
 * both counts in the measurements and the density map on the snapshot; sparse and empty scenes stay
 * quiet where a density count alone would not.
 */
@Tag("models")
class CrowdOnDensityTest {

    private static final ImageZone SQUARE = new ImageZone("square", "plaza-1", NormalizedPolygon.wholeFrame(), List.of(), 600.0);
    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

    private static YoloxDetector detector;
    private static McnnCounter mcnn;

    @BeforeAll
    static void load() {
        detector = new YoloxDetector(Shared.yoloxNano());
        mcnn = new McnnCounter(Shared.mcnnA());
    }

    @AfterAll
    static void close() {
        mcnn.close();
        detector.close();
    }

    private static CrowdRule crowd(int minPeople) {
        return new CrowdRule(new CrowdSpec("square-crowd", "crowd.gathering", SQUARE, minPeople, null, 3, 3, 3, 0.35f, Severity.ORANGE));
    }

    /** Shows each picture for {@code seconds} at one frame a second; returns the findings. */
    private static List<Finding> play(ObjectDetector det, @Nullable DensityCounter counter, DensitySettings settings, int minPeople,
                                      int seconds, String... files) {
        List<Finding> out = new ArrayList<>();
        try (SceneAnalyzer a = DensityChain.camera("cam-plaza", det, counter, settings, List.of(SQUARE), List.of(crowd(minPeople)))) {
            int s = 0;
            for (String f : files) {
                try (Mat m = imread(Shared.path("testdata/" + f).toString())) {
                    for (int i = 0; i < seconds; i++, s++) {
                        out.addAll(a.analyse(m, T0.plusSeconds(s)).findings());
                    }
                }
            }
        }
        return out;
    }

    private static double measurement(Finding f, String name) {
        return f.measurements().stream().filter(m -> m.name().equals(name)).mapToDouble(Measurement::value).findFirst()
                .orElseThrow(() -> new AssertionError("no measurement " + name + " in " + f.measurements()));
    }

    @Test
    void aDenseCrowdReachesAThresholdOf100ThatTheDetectorAloneCannot() {
        // UCF_CC_50 image 16: 209 annotated heads, a concert crowd seen close.
        String crowd = "crowd2/ucfcc50_16.jpg";
        assertThat(play(detector, null, DensityChain.DEFAULTS, 100, 8, crowd)).as("the detector on the whole picture").isEmpty();
        assertThat(play(new TiledDetector(detector, 3, 3, 0.2, 0.45f), null, DensityChain.DEFAULTS, 100, 8, crowd))
                .as("the detector on 3x3 tiles").isEmpty();

        List<Finding> found = play(detector, mcnn, DensityChain.DEFAULTS, 100, 8, crowd);
        assertThat(found).isNotEmpty();
        Finding first = found.getFirst();
        assertThat(first.active()).isTrue();
        assertThat(first.observedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(measurement(first, "people")).isBetween(100.0, 418.0);
        assertThat(measurement(first, "peopleDensity")).isCloseTo(measurement(first, "people"), within(0.5));
        assertThat(measurement(first, "peopleDetector")).isLessThan(100.0);
        assertThat(measurement(first, "densityPerM2")).isGreaterThan(100.0 / 600);
        assertThat(first.summary()).contains("density count");

        // The snapshot carries the density map as heat: the picture is grey, so any colour in it is the overlay.
        Evidence snapshot = first.renderedEvidence().stream().filter(e -> e.kind().equals("snapshot")).findFirst().orElseThrow();
        assertThat(colouredShare(Base64.getDecoder().decode((String) snapshot.data()))).as("share of clearly coloured pixels").isGreaterThan(0.05);
    }

    @Test
    void theSameCrowdWithoutDensityOnTheCameraHasAGreySnapshot() {
        List<Finding> found = play(detector, null, DensityChain.DEFAULTS, 1, 5, "crowd2/ucfcc50_17.jpg");
        assertThat(found).isNotEmpty();
        Evidence snapshot = found.getFirst().renderedEvidence().stream().filter(e -> e.kind().equals("snapshot")).findFirst().orElseThrow();
        // Only the drawing (zone outline, boxes, header) is coloured: well under the overlay's share.
        assertThat(colouredShare(Base64.getDecoder().decode((String) snapshot.data()))).isLessThan(0.05);
    }

    @Test
    void aFootpathOfSixToNinePeopleStaysQuietAtTen() {
        // The campus recording's frames 0, 300 and 600 (3–8 people), 10 s each.
        String[] path = {"images/vtest_frame000.jpg", "images/vtest_frame300.jpg", "images/vtest_frame600.jpg"};
        assertThat(play(detector, mcnn, DensityChain.DEFAULTS, 10, 10, path)).isEmpty();
        // ...and is a crowd at 6, as without density: the hybrid keeps the detector's count there.
        assertThat(play(detector, mcnn, DensityChain.DEFAULTS, 6, 10, path)).isNotEmpty();
    }

    @Test
    void anEmptyRoadStaysQuietWhereTheDensityModelsPhantomsAloneWouldRaiseACrowd() {
        String road = "trucks/bit_vehicle_0000015.jpg"; // a microbus on an empty road, no pedestrian
        assertThat(play(detector, mcnn, DensityChain.DEFAULTS, 3, 8, road)).isEmpty();
        // The same camera trusting the density count alone (no switch-over, no noise floor) sees a crowd of phantoms.
        DensitySettings densityAlone = new DensitySettings(960, Duration.ofSeconds(5), 0, 0);
        assertThat(play(detector, mcnn, densityAlone, 3, 8, road)).isNotEmpty();
    }

    /** Share of pixels whose channels differ by more than 60 levels (colour, not grey). */
    private static double colouredShare(byte[] jpeg) {
        try (BytePointer bytes = new BytePointer(jpeg); Mat encoded = new Mat(bytes);
             Mat img = opencv_imgcodecs.imdecode(encoded, opencv_imgcodecs.IMREAD_COLOR); Mat hsv = new Mat(); MatVector planes = new MatVector();
             Mat sat = new Mat()) {
            opencv_imgproc.cvtColor(img, hsv, opencv_imgproc.COLOR_BGR2HSV);
            opencv_core.split(hsv, planes);
            opencv_imgproc.threshold(planes.get(1), sat, 100, 255, opencv_imgproc.THRESH_BINARY);
            return (double) opencv_core.countNonZero(sat) / (img.rows() * img.cols());
        }
    }
}
