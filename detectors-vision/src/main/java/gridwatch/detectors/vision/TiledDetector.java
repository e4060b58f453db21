package gridwatch.detectors.vision;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a detector on overlapping tiles of the picture as well as on the whole of it, and merges
 * the boxes with class-aware NMS (the idea of slicing-aided inference). A 416-px model sees a
 * person in a distant crowd as a few pixels; on a 2×2 or 3×3 tiling the same person is 2–3 times
 * larger. Costs one inference per tile plus one; meant for crowd cameras at 1 analysed frame/s.
 *
 * <p>Borrows {@code inner}: {@link #close()} leaves it open, since the model is usually shared by
 * several cameras and closed by whoever loaded it. The tile views it makes of the caller's image
 * are freed before {@link #detect} returns. If the model is closed between two tiles, the next
 * tile's {@link ClosedException} ends the call.
 */
public final class TiledDetector implements ObjectDetector {

    private final ObjectDetector inner;
    private final int columns;
    private final int rows;
    private final double overlap;
    private final float nmsIou;

    public TiledDetector(ObjectDetector inner, int columns, int rows, double overlap, float nmsIou) {
        this.inner = inner;
        this.columns = columns;
        this.rows = rows;
        this.overlap = overlap;
        this.nmsIou = nmsIou;
    }

    @Override
    public List<Detection> detect(Mat image) {
        List<Detection> all = new ArrayList<>(inner.detect(image));
        int w = image.cols();
        int h = image.rows();
        int tw = (int) Math.ceil(w / (columns - (columns - 1) * overlap));
        int th = (int) Math.ceil(h / (rows - (rows - 1) * overlap));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int x = Math.min(w - tw, (int) Math.round(c * tw * (1 - overlap)));
                int y = Math.min(h - th, (int) Math.round(r * th * (1 - overlap)));
                try (Rect area = new Rect(Math.max(0, x), Math.max(0, y), Math.min(tw, w), Math.min(th, h)); Mat tile = new Mat(image, area)) {
                    for (Detection d : inner.detect(tile)) {
                        Box b = d.box();
                        all.add(new Detection(d.classId(), d.label(), d.score(),
                                new Box(b.x1() + area.x(), b.y1() + area.y(), b.x2() + area.x(), b.y2() + area.y())));
                    }
                }
            }
        }
        return Nms.classAware(all, nmsIou, 2000);
    }

    /** Nothing to free: the tiles are views freed per call, and the inner detector is borrowed. */
    @Override
    public void close() {
    }
}
