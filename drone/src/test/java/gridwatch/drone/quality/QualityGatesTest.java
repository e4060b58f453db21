package gridwatch.drone.quality;

import gridwatch.drone.TestPhotos;
import gridwatch.drone.metadata.PhotoMetadata;
import gridwatch.drone.metadata.PhotoMetadataReader;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

class QualityGatesTest {

    private final PhotoMetadataReader reader = new PhotoMetadataReader(ZoneOffset.UTC);
    private final FrameCheck frames = new FrameCheck(QualityLimits.DEFAULT);

    @TempDir
    Path dir;

    @Test
    void bothPhotosReSavedByWindowsPhotoViewerAreFlaggedWithWhatGaveThemAway() throws Exception {
        PhotoWarning.Edited original = EditCheck.check(reader.read(TestPhotos.original24()).edits()).orElseThrow();
        assertThat(original.traces()).containsExactly(
                "Software: Microsoft Windows Photo Viewer 10.0.10240.16384",
                "ModifyDate 2016-06-23T19:24:38 ≠ DateTimeOriginal 2016-06-23T16:32:43",
                "the MPF preview the index lists is missing");
        assertThat(original.zh()).startsWith("照片在航拍后被软件重新保存").contains("偏航角可能与像素不符");
        PhotoWarning.Edited copy = EditCheck.check(reader.read(TestPhotos.brighton(26)).edits()).orElseThrow();
        assertThat(copy.traces()).containsExactly(
                "Software: Microsoft Windows Photo Viewer 10.0.10240.16384",
                "ModifyDate 2016-06-23T19:24:42 ≠ DateTimeOriginal 2016-06-23T16:32:57");
    }

    @Test
    void untouchedPhotosAreNotFlagged() throws Exception {
        for (int n : new int[] {18, 20, 22, 30, 32}) {
            assertThat(EditCheck.check(reader.read(TestPhotos.brighton(n)).edits())).as("DJI_%04d", n).isEmpty();
        }
        assertThat(EditCheck.check(reader.read(TestPhotos.agung()).edits())).isEmpty();
    }

    @Test
    @Tag("models")
    void theRealBlurredPhotoIsBlurredAndTheSharpOnesAreNot() throws Exception {
        PhotoMetadata agung = reader.read(TestPhotos.agung());
        FrameStats blurred = frames.measure(agung.file(), agung.size().width());
        assertThat(blurred.analysedWidth()).isEqualTo(1000);
        assertThat(blurred.laplacianVariance()).isBetween(30.0, 120.0); // design note: 62
        assertThat(frames.warnings(blurred, 4032, 3024)).singleElement().isInstanceOfSatisfying(PhotoWarning.Blurred.class,
                w -> assertThat(w.zh()).startsWith("画面模糊"));
        for (int n : new int[] {18, 20, 22, 26, 30, 32}) {
            FrameStats s = frames.measure(TestPhotos.brighton(n), 1000);
            assertThat(s.laplacianVariance()).as("DJI_%04d", n).isGreaterThan(1000);
            assertThat(s.meanGrey()).as("DJI_%04d", n).isBetween(90.0, 140.0);
            assertThat(frames.warnings(s, 1000, 563)).isEmpty();
        }
        FrameStats original = frames.measure(TestPhotos.original24(), 4000);
        assertThat(original.analysedWidth()).isEqualTo(1000);
        assertThat(frames.warnings(original, 4000, 2250)).isEmpty();
    }

    @Test
    @Tag("models")
    void aLensCapFrameIsBlackAndATinyOneIsNotJudged() throws Exception {
        Path black = dir.resolve("cap.jpg");
        try (Mat img = new Mat(2250, 4000, CV_8UC3, new Scalar(3, 3, 4, 0)); BytePointer jpg = new BytePointer()) {
            imencode(".jpg", img, jpg);
            byte[] bytes = new byte[(int) jpg.limit()];
            jpg.get(bytes);
            Files.write(black, bytes);
        }
        FrameStats s = frames.measure(black, 4000);
        assertThat(frames.warnings(s, 4000, 2250)).singleElement().isInstanceOfSatisfying(PhotoWarning.BlackFrame.class,
                w -> assertThat(w.meanGrey()).isLessThan(10));
        FrameStats tiny = frames.measure(TestPhotos.canon(), 48);
        assertThat(frames.warnings(tiny, 48, 36)).singleElement().isInstanceOf(PhotoWarning.LowResolution.class);
    }
}
