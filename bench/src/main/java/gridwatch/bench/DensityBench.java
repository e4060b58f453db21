package gridwatch.bench;

import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.ObjectDetector;
import gridwatch.detectors.vision.density.DensityInput;
import gridwatch.detectors.vision.density.DensityModelSpec;
import gridwatch.detectors.vision.density.DensitySettings;
import gridwatch.detectors.vision.density.McnnCounter;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.gateway.vision.DensityWorker;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What counting by density costs a camera box, in two parts, each against a baseline measured in the
 * same run (the machine may be shared: ratios hold better than absolute figures).
 *
 * <p>1. One estimate on a real 1080p frame (the first of the recording), one ONNX Runtime thread, median
 * of 9 after 3 warm-up runs, at several input widths, beside one YOLOX-nano detection on the same frame;
 * and what it makes per camera at the configured period: the share of one core, and the ratio to the
 * detector's own cost at 1 analysed frame/s.
 *
 * <p>2. Cameras per box: {@link CamerasBench} rounds of N 1080p cameras at 1 analysed frame/s, each N
 * first without density (the baseline) and then with density on every camera (960 px, the configured
 * period) on the box's one {@link DensityWorker}, as the gateway runs it.
 *
 * <p>Usage: DensityBench MODEL SHA256 DENSITY_MODEL DENSITY_SHA256 VIDEO_1080P SECONDS PERIOD_SECONDS N1 [N2 ...]
 */
public final class DensityBench {

    private static final int WIDTH = 960;

    public static void main(String[] args) throws Exception {
        ModelSpec yolox = ModelSpec.yoloxNano(Path.of(args[0]), args[1]);
        DensityModelSpec mcnn = new DensityModelSpec(Path.of(args[2]), args[3], 1);
        Path video = Path.of(args[4]);
        int seconds = Integer.parseInt(args[5]);
        double period = Double.parseDouble(args[6]);
        try (YoloxDetector model = new YoloxDetector(yolox); McnnCounter counter = new McnnCounter(mcnn)) {
            costPerCamera(model, counter, video, period);
            ObjectDetector shared = CamerasBench.shared(model);
            DensitySettings settings = new DensitySettings(WIDTH, Duration.ofMillis(Math.round(period * 1000)), 25, 8);
            for (int a = 7; a < args.length; a++) {
                int n = Integer.parseInt(args[a]);
                CamerasBench.Round without = CamerasBench.run(shared, video, "auto", seconds, n, null);
                CamerasBench.Round with;
                try (DensityWorker worker = new DensityWorker()) {
                    with = CamerasBench.run(shared, video, "auto", seconds, n, new CamerasBench.Density(counter, settings, worker));
                }
                System.out.printf(Locale.ROOT, "  %d cameras: slowest camera with density / without = %.2f; without %s, with %s%n", n,
                        with.slowestFps() / without.slowestFps(), without.keepsUp() ? "keeps up" : "falls behind",
                        with.keepsUp() ? "keeps up" : "falls behind");
            }
        }
        System.exit(0);
    }

    private static void costPerCamera(YoloxDetector model, McnnCounter counter, Path video, double period) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile()); OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            g.start();
            Frame f = g.grabImage();
            try (Mat frame = conv.convert(f).clone()) {
                g.stop();
                double detect = median(() -> model.detect(frame));
                System.out.printf(Locale.ROOT, "density on one %dx%d frame, 1 ONNX Runtime thread, median of 9; YOLOX-nano detection on it: %.1f ms%n",
                        frame.cols(), frame.rows(), detect);
                for (int w : new int[] {640, WIDTH, 1280}) {
                    double prepare = median(() -> counter.prepare(frame, w));
                    DensityInput in = counter.prepare(frame, w);
                    double estimate = median(() -> counter.estimate(in));
                    double perCamera = (prepare + estimate) / (period * 1000);
                    System.out.printf(Locale.ROOT, "  %4d x %-4d: prepare %.1f ms + estimate %.1f ms = %.1f x one detection; every %.0f s: "
                                    + "%.1f %% of a core per camera, %.2f x the detector's cost at 1 frame/s%s%n",
                            in.width(), in.height(), prepare, estimate, (prepare + estimate) / detect, period, perCamera * 100,
                            (prepare + estimate) / period / detect, w == WIDTH ? "  (default width)" : "");
                }
            }
        }
    }

    private static double median(Supplier<?> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        double[] ms = new double[9];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
