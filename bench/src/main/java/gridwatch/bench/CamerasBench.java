package gridwatch.bench;

import gridwatch.config.model.VideoConnection;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.Detection;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.ObjectDetector;
import gridwatch.detectors.vision.crowd.CrowdRule;
import gridwatch.detectors.vision.crowd.CrowdSpec;
import gridwatch.detectors.vision.motion.MotionGate;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.detectors.vision.snapshot.Annotator;
import gridwatch.detectors.vision.track.IouTracker;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import gridwatch.gateway.ingest.video.VideoStream;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many 1080p H.264 cameras (25 fps, 2 s GOP) at 1 analysed frame/s one box sustains: N
 * cameras, each a recording played in real time (the decoder's load is the same as a live stream's),
 * each with the gateway's whole chain (decode thread, newest-frame hand-off, motion gate, the one
 * shared YOLOX-nano, tracker, crowd rule). A camera keeps up when its decoding is less than 1 s
 * behind the recording's clock and it analysed at least 90 % of the frames due. Memory per camera
 * is the RSS growth over N cameras, divided by N.
 *
 * <p>Usage: CamerasBench MODEL SHA256 VIDEO_1080P DECODE(all|keyframes) SECONDS N1 [N2 ...]
 */
public final class CamerasBench {

    public static void main(String[] args) throws Exception {
        ModelSpec spec = ModelSpec.yoloxNano(Path.of(args[0]), args[1]);
        Path video = Path.of(args[2]);
        String decode = args[3];
        int seconds = Integer.parseInt(args[4]);
        try (YoloxDetector model = new YoloxDetector(spec)) {
            ObjectDetector shared = new ObjectDetector() {
                @Override
                public synchronized List<Detection> detect(Mat bgr) {
                    return model.detect(bgr);
                }

                @Override
                public void close() {
                }
            };
            for (int a = 5; a < args.length; a++) {
                run(shared, video, decode, seconds, Integer.parseInt(args[a]));
            }
        }
        System.exit(0);
    }

    private static void run(ObjectDetector shared, Path video, String decode, int seconds, int cameras) throws Exception {
        System.gc();
        long rssBefore = rssKb();
        List<VideoStream> streams = new ArrayList<>();
        List<SceneAnalyzer> analyzers = new ArrayList<>();
        ImageZone all = new ImageZone("all", "z", NormalizedPolygon.wholeFrame(), List.of(), null);
        for (int i = 0; i < cameras; i++) {
            SceneAnalyzer a = new SceneAnalyzer("cam" + i, shared, new MotionGate(MotionGate.Settings.defaults(), List.of(all)),
                    new IouTracker(IouTracker.Settings.defaults()),
                    List.of(new CrowdRule(new CrowdSpec("crowd", "crowd.gathering", all, 6, null, 10, 10, 5, 0.35f, Severity.YELLOW))),
                    List.of(all), List.of(), new Annotator(1280, 80));
            VideoStream s = new VideoStream("cam" + i, new VideoConnection(video.toString(), null, null, 1.0, null, true, true, null, decode),
                    Path.of("."), Clock.systemUTC(), ms -> { });
            s.start(a::analyse);
            streams.add(s);
            analyzers.add(a);
            Thread.sleep(50); // cameras do not all start on the same frame
        }
        Thread.sleep(5000); // warm-up
        long[] before = streams.stream().mapToLong(VideoStream::analysed).toArray();
        long maxLag = 0;
        long t0 = System.nanoTime();
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1000);
            for (VideoStream v : streams) {
                maxLag = Math.max(maxLag, v.lagMillis());
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long rssAfter = rssKb();
        double worst = Double.MAX_VALUE;
        long inferences = 0;
        long frames = 0;
        for (int i = 0; i < cameras; i++) {
            worst = Math.min(worst, (streams.get(i).analysed() - before[i]) / elapsed);
            inferences += analyzers.get(i).inferences();
            frames += analyzers.get(i).frames();
        }
        boolean keepsUp = maxLag < 1000 && worst >= 0.9 * expected(decode);
        System.out.printf(Locale.ROOT, "cameras %d (decode %s): slowest camera %.2f analysed frames/s, max decode lag %d ms, "
                        + "model ran on %d of %d frames, RSS +%.1f MB (%.1f MB per camera) -> %s%n",
                cameras, decode, worst, maxLag, inferences, frames, (rssAfter - rssBefore) / 1024.0,
                (rssAfter - rssBefore) / 1024.0 / cameras, keepsUp ? "KEEPS UP" : "FALLS BEHIND");
        for (VideoStream v : streams) {
            v.close();
        }
        for (SceneAnalyzer a : analyzers) {
            a.close();
        }
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
