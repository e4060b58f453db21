package gridwatch.detectors.vision.snapshot;

import gridwatch.detectors.vision.Box;
import gridwatch.detectors.vision.Shared;
import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/** A sketch rendered later is the snapshot rendered at once, and it needs nothing of the frame it was made from. */
class SketchTest {

    private static final ImageZone PATH = new ImageZone("path", "campus-1",
            new NormalizedPolygon(List.of(new double[] {0, 0.15}, new double[] {1, 0.15}, new double[] {1, 1}, new double[] {0, 1})), List.of(), null);

    @Test
    void aSketchRenderedAfterItsFrameIsFreedIsTheSnapshotRenderedAtOnce() {
        Annotator annotator = new Annotator(640, 80); // narrower than the 768 px frame: the sketch is scaled
        List<Region> regions = List.of(new Region("pile 3.0%", new Box(100, 300, 220, 400)));
        List<String> header = List.of("cam-campus  2026-11-20T02:00:00Z", "a pile in the path");
        Mat frame = imread(Shared.path("testdata/images/vtest_frame300.jpg").toString());
        byte[] atOnce;
        Sketch sketch;
        try {
            atOnce = annotator.jpeg(frame, List.of(PATH), List.of(), List.of(), regions, header);
            sketch = annotator.sketch(frame, List.of(PATH), List.of(), List.of(), regions, header);
        } finally {
            frame.close();
        }
        assertThat(sketch.jpeg()).isEqualTo(atOnce);
    }
}
