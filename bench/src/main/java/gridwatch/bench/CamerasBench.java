package gridwatch.bench;

import gridwatch.config.model.VideoConnection;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.Detection;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.ObjectDetector;
import gridwatch.detectors.vision.crowd.CrowdRule;
import gridwatch.detectors.vision.crowd.CrowdSpec;
import gridwatch.detectors.vision.density.DensityCounter;
import gridwatch.detectors.vision.density.DensitySampler;
import gridwatch.detectors.vision.density.DensitySettings;
import gridwatch.detectors.vision.motion.MotionGate;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.detectors.vision.snapshot.Annotator;
import gridwatch.detectors.vision.track.IouTracker;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import gridwatch.gateway.ingest.video.VideoStream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * How many 1080p H.264 cameras (25 fps, 2 s GOP) at 1 analysed frame/s one box sustains: N
 * cameras, each a recording played in real time (the decoder's load is the same as a live stream's),
 * each with the gateway's whole chain (decode thread, newest-frame hand-off, motion gate, the one
 * shared YOLOX-nano, tracker, crowd rule; with {@link Density}, also the camera's density sampler on the
 * box's one density worker). A camera keeps up when its decoding is less than 1 s behind the
 * recording's clock and it analysed at least 90 % of the frames due; with density, the density model
 * must also keep its period (on average at most 1.25 times the configured one). Memory per camera is
 * the RSS growth over N cameras, divided by N.
 *
 * <p>Usage: CamerasBench MODEL SHA256 VIDEO_1080P DECODE(all|keyframes) SECONDS N1 [N2 ...]
 */
public final class CamerasBench {

    /** Density counting on every camera: one shared counter, the settings, and the box's density worker. */
    record Density(DensityCounter counter, DensitySettings settings, Executor worker) {
    }

    /**
     * One round.
     *
     * @param coresPerCamera       the process's CPU time over the round, per camera and second of wall time: what a camera
     *                             costs whether or not the machine is shared (2 / this = cameras two idle cores could carry)
     * @param densityPeriodSeconds the mean time between two estimates of one camera over the round; 0 without density
     * @param densityCpuMillis     the density worker's CPU time per estimate; 0 without density
     */
    record Round(int cameras, double slowestFps, long maxLagMillis, boolean keepsUp, double coresPerCamera, long densityEstimates,
                 double densityPeriodSeconds, double densityCpuMillis) {
    }

    public static void main(String[] args) throws Exception {
        ModelSpec spec = ModelSpec.yoloxNano(Path.of(args[0]), args[1]);
        Path video = Path.of(args[2]);
        String decode = args[3];
        int seconds = Integer.parseInt(args[4]);
        try (YoloxDetector model = new YoloxDetector(spec)) {
            ObjectDetector shared = shared(model);
            for (int a = 5; a < args.length; a++) {
                run(shared, video, decode, seconds, Integer.parseInt(args[a]), null);
            }
        }
        System.exit(0);
    }

    /** The model as the gateway shares it: one camera at a time. */
    static ObjectDetector shared(YoloxDetector model) {
        return new ObjectDetector() {
            @Override
            public synchronized List<Detection> detect(Mat bgr) {
                return model.detect(bgr);
            }

            @Override
            public void close() {
            }
        };
    }

    static Round run(ObjectDetector shared, Path video, String decode, int seconds, int cameras, @Nullable Density density) throws Exception {
        System.gc();
        long rssBefore = rssKb();
        List<VideoStream> streams = new ArrayList<>();
        List<SceneAnalyzer> analyzers = new ArrayList<>();
        List<DensitySampler> samplers = new ArrayList<>();
        ImageZone all = new ImageZone("all", "z", NormalizedPolygon.wholeFrame(), List.of(), null);
        for (int i = 0; i < cameras; i++) {
            DensitySampler sampler = density == null ? null
                    : new DensitySampler("cam" + i, density.counter(), density.settings(), List.of(all), density.worker());
            SceneAnalyzer a = new SceneAnalyzer("cam" + i, shared, new MotionGate(MotionGate.Settings.defaults(), List.of(all)),
                    new IouTracker(IouTracker.Settings.defaults()),
                    List.of(new CrowdRule(new CrowdSpec("crowd", "crowd.gathering", all, 6, null, 10, 10, 5, 0.35f, Severity.YELLOW))),
                    List.of(all), List.of(), new Annotator(1280, 80), sampler);
            VideoStream s = new VideoStream("cam" + i, new VideoConnection(video.toString(), null, null, 1.0, null, true, true, null, decode),
                    Path.of("."), Clock.systemUTC(), ms -> { });
            s.start(a::analyse);
            streams.add(s);
            analyzers.add(a);
            if (sampler != null) {
                samplers.add(sampler);
            }
            Thread.sleep(50); // cameras do not all start on the same frame
        }
        Thread.sleep(5000); // warm-up
        long[] before = streams.stream().mapToLong(VideoStream::analysed).toArray();
        long estimatesBefore = samplers.stream().mapToLong(DensitySampler::estimates).sum();
        long workerCpuBefore = threadCpu("density-worker");
        long cpuBefore = processCpu();
        long maxLag = 0;
        long t0 = System.nanoTime();
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1000);
            for (VideoStream v : streams) {
                maxLag = Math.max(maxLag, v.lagMillis());
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double cores = (processCpu() - cpuBefore) / 1e9 / elapsed;
        long estimates = samplers.stream().mapToLong(DensitySampler::estimates).sum() - estimatesBefore;
        double densityCpu = estimates == 0 ? 0 : (threadCpu("density-worker") - workerCpuBefore) / 1e6 / estimates;
        long rssAfter = rssKb();
        double worst = Double.MAX_VALUE;
        long inferences = 0;
        long frames = 0;
        for (int i = 0; i < cameras; i++) {
            worst = Math.min(worst, (streams.get(i).analysed() - before[i]) / elapsed);
            inferences += analyzers.get(i).inferences();
            frames += analyzers.get(i).frames();
        }
        double densityPeriod = density == null ? 0 : estimates == 0 ? Double.POSITIVE_INFINITY : elapsed * cameras / estimates;
        boolean keepsUp = maxLag < 1000 && worst >= 0.9 * expected(decode)
                && (density == null || densityPeriod <= 1.25 * density.settings().period().toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "cameras %d (decode %s%s): slowest camera %.2f analysed frames/s, max decode lag %d ms, "
                        + "model ran on %d of %d frames%s, CPU %.3f cores per camera, RSS +%.1f MB (%.1f MB per camera) -> %s%n",
                cameras, decode, density == null ? "" : ", density every " + density.settings().period().toSeconds() + " s at "
                        + density.settings().inputWidth() + " px", worst, maxLag, inferences, frames,
                density == null ? "" : String.format(Locale.ROOT, ", %d density estimates (one per camera every %.1f s, %.0f ms CPU each)",
                        estimates, densityPeriod, densityCpu),
                cores / cameras, (rssAfter - rssBefore) / 1024.0, (rssAfter - rssBefore) / 1024.0 / cameras, keepsUp ? "KEEPS UP" : "FALLS BEHIND");
        for (VideoStream v : streams) {
            v.close();
        }
        for (SceneAnalyzer a : analyzers) {
            a.close();
        }
        return new Round(cameras, worst, maxLag, keepsUp, cores / cameras, estimates, densityPeriod, densityCpu);
    }

    /** CPU time of this process, ns (all threads, native ones included). */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the live thread called {@code name}, ns; 0 when there is none. */
    static long threadCpu(String name) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .mapToLong(t -> Math.max(0, mx.getThreadCpuTime(t.threadId()))).sum();
    }

    /** Analysed frames/s a camera should reach: 1, or one per 2 s GOP when only keyframes are decoded. */
    private static double expected(String decode) {
        return "keyframes".equals(decode) ? 0.5 : 1.0;
    }

    private static long rssKb() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D+", ""));
            }
        }
        return 0;
    }
}
