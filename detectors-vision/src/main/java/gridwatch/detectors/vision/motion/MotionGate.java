package gridwatch.detectors.vision.motion;

import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

/**
 * Decides whether a frame is worth running the detector on. How motion is measured: the frame
 * is shrunk to {@value #WIDTH} pixels wide, greyed and blurred; each pixel is compared with a
 * slowly updated running-average background (weight {@code learningRate} per frame); a pixel
 * "moved" when it differs by more than {@code pixelThreshold} grey levels. A zone has motion when
 * more than {@code minChangedFraction} of its pixels moved. Frames without motion in any zone
 * skip inference, except once every {@code refresh} so that still people are still counted and
 * absences still noticed.
 *
 * <p>Native memory: its working images and background, reused every frame and freed by
 * {@link #close()}. Owned by the camera's {@code SceneAnalyzer}, which calls {@link #pass} on
 * its analysis thread only and closes the gate once, after the last frame.
 */
public final class MotionGate implements AutoCloseable {

    static final int WIDTH = 160;

    public record Settings(double pixelThreshold, double minChangedFraction, double learningRate, Duration refresh) {
        public static Settings defaults() {
            return new Settings(25, 0.002, 0.05, Duration.ofSeconds(10));
        }
    }

    private final Settings settings;
    private final List<NormalizedPolygon> zones;
    private final Mat small = new Mat();
    private final Mat grey = new Mat();
    private final Mat greyF = new Mat();
    private final Mat background = new Mat();
    private final Mat diff = new Mat();
    private final Mat moved = new Mat();
    private final Size blur = new Size(5, 5);
    // Sized on the first frame (when the background is empty), with the background itself.
    private byte[] movedBytes = new byte[0];
    private boolean[][] zoneMasks = new boolean[0][];
    private int[] zonePixels = new int[0];
    private Instant lastPass = Instant.EPOCH;
    private double lastChanged;

    public MotionGate(Settings settings, List<ImageZone> zones) {
        this.settings = settings;
        this.zones = zones.isEmpty() ? List.of(NormalizedPolygon.wholeFrame()) : zones.stream().map(ImageZone::polygon).toList();
    }

    /** @return true when the frame should go to the detector */
    public boolean pass(Mat frame, Instant at) {
        int h = Math.max(1, frame.rows() * WIDTH / frame.cols());
        try (Size target = new Size(WIDTH, h)) {
            opencv_imgproc.resize(frame, small, target, 0, 0, opencv_imgproc.INTER_AREA);
        }
        if (small.channels() == 3) {
            opencv_imgproc.cvtColor(small, grey, opencv_imgproc.COLOR_BGR2GRAY);
        } else {
            small.copyTo(grey);
        }
        opencv_imgproc.GaussianBlur(grey, grey, blur, 0);
        grey.convertTo(greyF, CV_32F);
        if (background.empty() || background.rows() != h) {
            greyF.copyTo(background);
            masks(h);
            movedBytes = new byte[WIDTH * h];
            lastPass = at;
            return true;
        }
        opencv_core.absdiff(greyF, background, diff);
        opencv_imgproc.threshold(diff, diff, settings.pixelThreshold(), 255, opencv_imgproc.THRESH_BINARY);
        diff.convertTo(moved, CV_8U);
        opencv_imgproc.accumulateWeighted(greyF, background, settings.learningRate());
        boolean motion = false;
        lastChanged = 0;
        moved.data().get(movedBytes); // a fresh 8-bit Mat is one continuous block
        for (int z = 0; z < zoneMasks.length; z++) {
            int changed = 0;
            boolean[] mask = zoneMasks[z];
            for (int i = 0; i < mask.length; i++) {
                if (mask[i] && movedBytes[i] != 0) {
                    changed++;
                }
            }
            double share = zonePixels[z] == 0 ? 0 : (double) changed / zonePixels[z];
            lastChanged = Math.max(lastChanged, share);
            motion |= share > settings.minChangedFraction();
        }
        if (motion || Duration.between(lastPass, at).compareTo(settings.refresh()) >= 0) {
            lastPass = at;
            return true;
        }
        return false;
    }

    /** The largest share of moved pixels in any zone on the last frame (for logs and the detect tool). */
    public double lastChangedShare() {
        return lastChanged;
    }

    private void masks(int h) {
        zoneMasks = new boolean[zones.size()][WIDTH * h];
        zonePixels = new int[zones.size()];
        for (int z = 0; z < zones.size(); z++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    if (zones.get(z).contains((x + 0.5) / WIDTH, (y + 0.5) / h)) {
                        zoneMasks[z][y * WIDTH + x] = true;
                        zonePixels[z]++;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        small.close();
        blur.close();
        grey.close();
        greyF.close();
        background.close();
        diff.close();
        moved.close();
    }
}
