package gridwatch.detectors.vision.yolox;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * YOLOX's preprocessing: keep BGR, scale by {@code r = min(S/h, S/w)} with bilinear resizing,
 * paste at the top-left of an S×S canvas of 114, no normalisation, HWC → CHW float.
 * One instance per thread: it reuses its canvas and buffers.
 */
public final class Letterbox implements AutoCloseable {

    private final int size;
    private final Mat canvas;
    private final Scalar fill = new Scalar(114, 114, 114, 0);
    private final Mat resized = new Mat();
    private final Mat bgr = new Mat();
    private final Mat blob = new Mat();
    private final Size noResize = new Size();
    private final Scalar zero = new Scalar(0, 0, 0, 0);
    private final float[] chw;

    public Letterbox(int size) {
        this.size = size;
        this.canvas = new Mat(size, size, CV_8UC3, fill);
        this.chw = new float[size * size * 3];
    }

    /** Fills and returns the CHW buffer for {@code image} (BGR, grey or BGRA); {@link #ratio} says the scale used. */
    public float[] apply(Mat image) {
        Mat src = toBgr(image);
        float r = ratio(src.cols(), src.rows());
        int w = Math.max(1, (int) (src.cols() * r));
        int h = Math.max(1, (int) (src.rows() * r));
        canvas.put(fill);
        try (Size target = new Size(w, h); Rect area = new Rect(0, 0, w, h); Mat roi = new Mat(canvas, area)) {
            opencv_imgproc.resize(src, resized, target, 0, 0, opencv_imgproc.INTER_LINEAR);
            resized.copyTo(roi);
        }
        // HWC bytes → NCHW float in OpenCV's vectorised code: no scaling, no mean, no channel swap.
        opencv_dnn.blobFromImage(canvas, blob, 1.0, noResize, zero, false, false, CV_32F);
        try (FloatPointer data = new FloatPointer(blob.data())) {
            data.get(chw);
        }
        return chw;
    }

    public float ratio(int width, int height) {
        return Math.min((float) size / height, (float) size / width);
    }

    private Mat toBgr(Mat image) {
        if (image.channels() == 3) {
            return image;
        }
        opencv_imgproc.cvtColor(image, bgr, image.channels() == 1 ? opencv_imgproc.COLOR_GRAY2BGR : opencv_imgproc.COLOR_BGRA2BGR);
        return bgr;
    }

    @Override
    public void close() {
        canvas.close();
        fill.close();
        blob.close();
        noResize.close();
        zero.close();
        resized.close();
        bgr.close();
    }
}
