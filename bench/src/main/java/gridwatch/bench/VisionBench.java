package gridwatch.bench;

import org.jspecify.annotations.Nullable;

import gridwatch.config.model.VideoConnection;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.crowd.CrowdRule;
import gridwatch.detectors.vision.crowd.CrowdSpec;
import gridwatch.detectors.vision.motion.MotionGate;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.detectors.vision.snapshot.Annotator;
import gridwatch.detectors.vision.track.IouTracker;
import gridwatch.detectors.vision.yolox.Letterbox;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import gridwatch.gateway.ingest.video.VideoStream;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * Camera analysis throughput, each figure beside its baseline from the same run:
 * (1) raw ONNX Runtime inferences/s of the model on a preprocessed frame (1 thread) against the
 * whole pipeline's frames/s on the real recording (FFmpeg decode + letterbox + inference + decode
 * + NMS + tracking + crowd rule, every frame analysed); (2) a still scene with motion gating on
 * against off.
 *
 * <p>Usage: VisionBench MODEL SHA256 VIDEO STILL_JPEG [rounds]
 */
public final class VisionBench {

    public static void main(String[] args) throws Exception {
        ModelSpec spec = ModelSpec.yoloxNano(Path.of(args[0]), args[1]);
        Path video = Path.of(args[2]);
        Path still = Path.of(args[3]);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        try (YoloxDetector det = new YoloxDetector(spec); Mat frame = imread(still.toString()); Letterbox lb = new Letterbox(416)) {
            java.nio.FloatBuffer chw = lb.apply(frame); // the baseline feeds the model the same way the pipeline does
            for (int i = 0; i < 30; i++) {
                det.infer(chw);
            }
            pipeline(det, video); // one unreported round: the JIT, like a camera running for months, is warm
            List<Mat> frames = firstFrames(video, 200);
            for (int r = 1; r <= rounds; r++) {
                double raw = rawInferences(det, chw, 4.0);
                double pipe = pipeline(det, video);
                double decoded = predecoded(det, frames);
                double raw2 = rawInferences(det, chw, 4.0);
                double base = (raw + raw2) / 2;
                System.out.printf(Locale.ROOT, "vision round %d: raw ORT %.1f inferences/s, pipeline %.1f frames/s, ratio %.2f; "
                        + "same chain on frames decoded beforehand %.1f frames/s, ratio %.2f%n", r, base, pipe, pipe / base, decoded, decoded / base);
            }
            for (int r = 1; r <= rounds; r++) {
                double off = still(det, frame, false);
                double on = still(det, frame, true);
                System.out.printf(Locale.ROOT, "still scene round %d: gating off %.1f frames/s, on %.1f frames/s (x%.1f)%n", r, off, on, on / off);
            }
        }
    }

    private static double rawInferences(YoloxDetector det, java.nio.FloatBuffer chw, double seconds) {
        long n = 0;
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            det.infer(chw);
            n++;
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static SceneAnalyzer analyzer(YoloxDetector det, @Nullable MotionGate gate) {
        ImageZone path = new ImageZone("path", "campus-1", new NormalizedPolygon(List.of(new double[] {0, 0.15}, new double[] {1, 0.15},
                new double[] {1, 1}, new double[] {0, 1})), List.of(), null);
        return new SceneAnalyzer("bench", det, gate, new IouTracker(IouTracker.Settings.defaults()),
                List.of(new CrowdRule(new CrowdSpec("crowd", "crowd.gathering", path, 6, null, 10, 10, 5, 0.35f, Severity.YELLOW))),
                List.of(path), List.of(), new Annotator(1280, 80));
    }

    /** Every frame of the recording through the whole chain, decoding on its own thread as in the gateway. */
    private static double pipeline(YoloxDetector det, Path video) throws Exception {
        AtomicLong frames = new AtomicLong();
        SceneAnalyzer a = analyzer(det, null);
        VideoConnection c = new VideoConnection(video.toString(), null, null, 1000.0, null, false, false, null, null);
        long t0 = System.nanoTime();
        try (VideoStream s = new VideoStream("bench", c, Path.of("."), Clock.systemUTC(), ms -> { })) {
            s.start((m, at) -> {
                a.analyse(m, at);
                frames.incrementAndGet();
            });
            if (!s.awaitEnd(Duration.ofMinutes(10))) {
                throw new IllegalStateException("recording did not finish: " + s.describe());
            }
        }
        return frames.get() / ((System.nanoTime() - t0) / 1e9);
    }

    /** The first {@code n} frames of the recording, decoded once, to run the chain without a decoder beside it. */
    private static List<Mat> firstFrames(Path video, int n) throws Exception {
        List<Mat> out = new java.util.concurrent.CopyOnWriteArrayList<>();
        VideoConnection c = new VideoConnection(video.toString(), null, null, 1000.0, null, false, false, null, "all");
        try (VideoStream s = new VideoStream("bench", c, Path.of("."), Clock.systemUTC(), ms -> { })) {
            s.start((m, at) -> {
                if (out.size() < n) {
                    out.add(m.clone());
                }
            });
            s.awaitEnd(Duration.ofMinutes(5));
        }
        return out;
    }

    private static double predecoded(YoloxDetector det, List<Mat> frames) {
        SceneAnalyzer a = analyzer(det, null);
        Instant t = Instant.parse("2026-11-20T02:00:00Z");
        long t0 = System.nanoTime();
        for (int i = 0; i < frames.size(); i++) {
            a.analyse(frames.get(i), t.plusMillis(100L * i));
        }
        return frames.size() / ((System.nanoTime() - t0) / 1e9);
    }

    /** 300 analysed frames of a camera that sees the same real frame (a quiet street). */
    private static double still(YoloxDetector det, Mat frame, boolean gating) {
        SceneAnalyzer a = analyzer(det, gating ? new MotionGate(MotionGate.Settings.defaults(),
                List.of(new ImageZone("all", "z", NormalizedPolygon.wholeFrame(), List.of(), null))) : null);
        Instant t = Instant.parse("2026-11-20T02:00:00Z");
        long t0 = System.nanoTime();
        int n = 300;
        for (int i = 0; i < n; i++) {
            a.analyse(frame, t.plusMillis(500L * i));
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
