package gridwatch.detectors.vision.yolox;

import org.jspecify.annotations.Nullable;

import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.FloatBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * YOLOX's preprocessing: keep BGR, scale by {@code r = min(S/h, S/w)} with bilinear resizing,
 * paste at the top-left of an S×S canvas of 114, no normalisation, HWC → CHW float.
 * One instance per thread: it reuses its canvas and buffers.
 *
 * <p>Native memory: the canvas, the view of it the image is pasted into, the resize and
 * conversion buffers and the blob the returned {@link FloatBuffer} reads; all freed by
 * {@link #close()}, after which that buffer must not be read. The {@link YoloxDetector} that
 * made it owns it and closes it only when no inference is running.
 */
public final class Letterbox implements AutoCloseable {

    private final int size;
    private final Mat canvas;
    private final Scalar fill = new Scalar(114, 114, 114, 0);
    private final Mat resized = new Mat();
    private final Mat bgr = new Mat();
    private final Mat blob = new Mat();
    private @Nullable Size target;
    private @Nullable Rect area;
    private @Nullable Mat roi;
    private int lastW = -1;
    private int lastH = -1;
    private @Nullable FloatBuffer input;
    private final Size noResize = new Size();
    private final Scalar zero = new Scalar(0, 0, 0, 0);

    public Letterbox(int size) {
        this.size = size;
        this.canvas = new Mat(size, size, CV_8UC3, fill);
    }

    /**
     * The NCHW float input for {@code image} (BGR, grey or BGRA), as a direct buffer over native
     * memory that ONNX Runtime reads without a copy; valid until the next call. {@link #ratio}
     * says the scale used.
     */
    public FloatBuffer apply(Mat image) {
        Mat src = toBgr(image);
        float r = ratio(src.cols(), src.rows());
        int w = Math.max(1, (int) (src.cols() * r));
        int h = Math.max(1, (int) (src.rows() * r));
        if (w != lastW || h != lastH) {
            // A camera's frame size rarely changes: the native target size and canvas view are kept.
            closeView();
            target = new Size(w, h);
            area = new Rect(0, 0, w, h);
            roi = new Mat(canvas, area);
            lastW = w;
            lastH = h;
            canvas.put(fill);
        }
        opencv_imgproc.resize(src, resized, target, 0, 0, opencv_imgproc.INTER_LINEAR);
        resized.copyTo(roi); // the padding outside roi is never written, so it stays 114
        // HWC bytes → NCHW float in OpenCV's vectorised code: no scaling, no mean, no channel swap.
        opencv_dnn.blobFromImage(canvas, blob, 1.0, noResize, zero, false, false, CV_32F);
        if (input == null) {
            input = blob.createBuffer();
        }
        return input;
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

    private void closeView() {
        if (roi != null) {
            roi.close();
        }
        if (area != null) {
            area.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Override
    public void close() {
        closeView();
        canvas.close();
        fill.close();
        blob.close();
        noResize.close();
        zero.close();
        resized.close();
        bgr.close();
    }
}
