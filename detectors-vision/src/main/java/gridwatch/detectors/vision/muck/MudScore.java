package gridwatch.detectors.vision.muck;

import gridwatch.detectors.vision.Box;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * How muddy the wheels and lower body of a vehicle look, 0 (clean) to 1, from the lower
 * {@code lowerShare} of its box:
 * <ul>
 *   <li><b>colour</b>: the share of pixels in the mud range in HSV (OpenCV scale: hue
 *   {@code hueMin}–{@code hueMax} of 180, i.e. yellow-brown to red-brown; saturation at least
 *   {@code satMin}, so grey road and white paint do not count; value between {@code valMin} and
 *   {@code valMax}, so black tyres and glare do not count), full marks at {@code colourFull};</li>
 *   <li><b>texture</b>: the mean absolute Laplacian of the grey crop scaled to {@value #WIDTH} px
 *   wide (so a distant truck and a near one are comparable), because caked and splashed mud is
 *   high-frequency on otherwise smooth panels and tyres, full marks at {@code textureFull}.</li>
 * </ul>
 * score = {@code colourWeight} × colour + (1 − {@code colourWeight}) × texture. The defaults are a
 * starting point measured on a handful of photos, not a trained model: tune them per site with
 * {@code gridwatch detect} on the site's own footage, washed and unwashed.
 * <p>Holds no native memory: every OpenCV object a call makes is freed before it returns.
 */
public final class MudScore {

    static final int WIDTH = 160;

    public record Settings(double lowerShare, double hueMin, double hueMax, double satMin, double valMin, double valMax,
                           double colourFull, double textureFull, double colourWeight) {
        public static Settings defaults() {
            return new Settings(0.35, 5, 30, 40, 40, 210, 0.25, 40, 0.7);
        }
    }

    /** The two parts and the score, for evidence and tuning. */
    public record Sample(double colourShare, double texture, double score) {
    }

    private MudScore() {
    }

    public static Sample of(Mat bgr, Box box, Settings s) {
        Box b = box.clip(bgr.cols(), bgr.rows());
        int h = (int) Math.max(1, b.height() * s.lowerShare());
        int x = (int) b.x1();
        int w = (int) Math.max(1, b.width());
        int y = (int) Math.max(0, b.y2() - h);
        if (x + w > bgr.cols()) {
            w = bgr.cols() - x;
        }
        if (y + h > bgr.rows()) {
            h = bgr.rows() - y;
        }
        if (w <= 1 || h <= 1) {
            return new Sample(0, 0, 0);
        }
        try (Rect r = new Rect(x, y, w, h); Mat roi = new Mat(bgr, r); Mat hsv = new Mat(); Mat mask = new Mat();
             Scalar low = new Scalar(s.hueMin(), s.satMin(), s.valMin(), 0); Scalar high = new Scalar(s.hueMax(), 255, s.valMax(), 0);
             Mat lo = new Mat(h, w, opencv_core.CV_8UC3, low); Mat hi = new Mat(h, w, opencv_core.CV_8UC3, high);
             Mat grey = new Mat(); Mat scaled = new Mat(); Mat lap = new Mat(); Mat abs = new Mat();
             org.bytedeco.opencv.opencv_core.Size size = new org.bytedeco.opencv.opencv_core.Size(WIDTH, Math.max(1, h * WIDTH / w))) {
            opencv_imgproc.cvtColor(roi, hsv, opencv_imgproc.COLOR_BGR2HSV);
            opencv_core.inRange(hsv, lo, hi, mask);
            double colour = (double) opencv_core.countNonZero(mask) / (w * h);
            opencv_imgproc.cvtColor(roi, grey, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.resize(grey, scaled, size, 0, 0, opencv_imgproc.INTER_AREA);
            opencv_imgproc.Laplacian(scaled, lap, opencv_core.CV_16S);
            opencv_core.convertScaleAbs(lap, abs);
            double texture;
            try (Scalar mean = opencv_core.mean(abs)) { // returned by value: a native object of its own
                texture = mean.get(0);
            }
            double score = s.colourWeight() * Math.min(1, colour / s.colourFull())
                    + (1 - s.colourWeight()) * Math.min(1, texture / s.textureFull());
            return new Sample(colour, texture, score);
        }
    }
}
