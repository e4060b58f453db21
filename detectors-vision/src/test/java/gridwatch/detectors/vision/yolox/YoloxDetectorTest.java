package gridwatch.detectors.vision.yolox;

import gridwatch.detectors.vision.Detection;
import gridwatch.detectors.vision.ModelFile;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.Shared;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/** YOLOX-nano from ../shared/models on real images from ../shared/testdata, against the models README. */
@Tag("models")
class YoloxDetectorTest {

    private static YoloxDetector detector;

    @BeforeAll
    static void load() {
        detector = new YoloxDetector(Shared.yoloxNano());
    }

    @AfterAll
    static void close() {
        if (detector != null) {
            detector.close();
        }
    }

    private static Map<String, Long> counts(String image) {
        try (Mat m = imread(Shared.path(image).toString(), IMREAD_UNCHANGED)) {
            assertThat(m.empty()).isFalse();
            return detector.detect(m).stream().collect(Collectors.groupingBy(Detection::label, Collectors.counting()));
        }
    }

    @Test
    void dogBicycleCarAndThePickupTruck() {
        try (Mat m = imread(Shared.path("testdata/images/dog.jpg").toString())) {
            List<Detection> d = detector.detect(m);
            assertThat(d).extracting(Detection::label).contains("dog", "bicycle", "car", "truck");
            Detection dog = d.stream().filter(x -> x.label().equals("dog")).findFirst().orElseThrow();
            assertThat(dog.score()).isGreaterThan(0.8f);
            // The dog sits in the lower left of the 768x576 photo.
            assertThat(dog.box().centerX()).isLessThan(m.cols() / 2f);
            assertThat(dog.box().centerY()).isGreaterThan(m.rows() / 2f);
        }
    }

    @Test
    void aCampusFrameHasItsPeopleAndVehicles() {
        Map<String, Long> c = counts("testdata/images/vtest_frame300.jpg");
        assertThat(c.get("person")).isBetween(7L, 9L);
        assertThat(c.get("car")).isEqualTo(2L);
    }

    @Test
    void aGreyImageTakesTheSingleChannelPath() {
        assertThat(counts("testdata/images/basketball1.png").get("person")).isEqualTo(2L);
    }

    @Test
    void horsesAndABirdAreNotPeopleOrVehicles() {
        assertThat(counts("testdata/images/horses.jpg")).doesNotContainKeys("person", "car", "truck", "bus");
        assertThat(counts("testdata/images/eagle.jpg")).doesNotContainKeys("person", "car", "truck", "bus");
    }

    @Test
    void aModelWhoseChecksumDiffersIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("yolox_nano.onnx");
        byte[] bytes = Files.readAllBytes(Shared.path("models/yolox_nano.onnx"));
        Files.write(copy, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ModelSpec truncated = ModelSpec.yoloxNano(copy, Shared.YOLOX_NANO_SHA256);
        assertThatThrownBy(() -> new YoloxDetector(truncated))
                .isInstanceOf(ModelFile.ModelRefusedException.class)
                .hasMessageContaining(copy.toString())
                .hasMessageContaining("config expects " + Shared.YOLOX_NANO_SHA256);
    }
}
