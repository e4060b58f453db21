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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * of 9 after 3 warm-up runs, at several input widths, beside one YOLOX-nano detection on the same frame,
 * each as CPU time of the calling thread (ONNX Runtime with one thread runs on it) and as wall time; and
 * what it makes per camera at the configured period: the share of one core, and the ratio to the
 * detector's own cost at 1 analysed frame/s. CPU time hardly changes when other processes share the
 * cores; wall time does.
 *
 * <p>2. Cameras per box: {@link CamerasBench} rounds of N 1080p cameras at 1 analysed frame/s, each N
 * first without density (the baseline) and then with density on every camera (960 px, the configured
 * period) on the box's one {@link DensityWorker}, as the gateway runs it. Each round reports whether
 * its cameras kept up and the process's CPU per camera; from the latter, how many cameras two idle
 * cores carry with and without density (valid when the round kept up: a camera that falls behind does
 * less work).
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
                System.out.printf(Locale.ROOT, "  %d cameras: CPU per camera with density / without = %.2f; two idle cores would carry "
                                + "%.0f cameras without density, %.0f with (%.2f); rounds: without %s, with %s%n", n,
                        with.coresPerCamera() / without.coresPerCamera(), 2 / without.coresPerCamera(), 2 / with.coresPerCamera(),
                        without.coresPerCamera() / with.coresPerCamera(),
                        without.keepsUp() ? "kept up" : "fell behind", with.keepsUp() ? "kept up" : "fell behind");
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
                double[] detect = median(() -> model.detect(frame));
                System.out.printf(Locale.ROOT, "density on one %dx%d frame, 1 ONNX Runtime thread, median of 9 (CPU ms / wall ms); "
                        + "YOLOX-nano detection on it: %.1f / %.1f ms%n", frame.cols(), frame.rows(), detect[0], detect[1]);
                for (int w : new int[] {640, WIDTH, 1280}) {
                    double[] prepare = median(() -> counter.prepare(frame, w));
                    DensityInput in = counter.prepare(frame, w);
                    double[] estimate = median(() -> counter.estimate(in));
                    double cpu = prepare[0] + estimate[0];
                    System.out.printf(Locale.ROOT, "  %4d x %-4d: prepare %.1f / %.1f ms + estimate %.1f / %.1f ms; CPU = %.1f x one detection; "
                                    + "every %.0f s: %.1f %% of a core per camera, %.2f x the detector's CPU at 1 frame/s%s%n",
                            in.width(), in.height(), prepare[0], prepare[1], estimate[0], estimate[1], cpu / detect[0], period,
                            cpu / (period * 1000) * 100, cpu / period / detect[0], w == WIDTH ? "  (default width)" : "");
                }
            }
        }
    }

    /** Median CPU time of this thread and median wall time, ms, of 9 runs after 3 warm-up runs. */
    private static double[] median(Supplier<?> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[9];
        double[] wall = new double[9];
        for (int i = 0; i < cpu.length; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            work.get();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        return new double[] {cpu[cpu.length / 2], wall[wall.length / 2]};
    }
}
