package gridwatch.gateway.ingest.video;

import gridwatch.config.model.VideoConnection;
import gridwatch.gateway.net.LoopbackPorts;
import gridwatch.gateway.support.MjpegCamera;
import gridwatch.gateway.support.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real streams decoded by FFmpeg: a recording, an MJPEG camera that dies and comes back, a snapshot URL. */
@Tag("servers")
@Tag("models")
class VideoStreamTest {

    private static List<Path> campusFrames() {
        return List.of(SharedData.path("testdata/images/vtest_frame000.jpg"), SharedData.path("testdata/images/vtest_frame300.jpg"),
                SharedData.path("testdata/images/vtest_frame600.jpg"));
    }

    @Test
    void aRecordingIsAnalysedAtTheConfiguredRateInItsOwnTime() throws Exception {
        // vtest.avi: 795 frames at 10 fps (79.5 s); at 2 analysed frames/s that is 159 frames, 0.5 s apart.
        VideoConnection c = new VideoConnection(SharedData.path("testdata/video/vtest.avi").toString(), null, null, 2.0, null, false, false, null, "all");
        List<Instant> at = new CopyOnWriteArrayList<>();
        List<int[]> sizes = new CopyOnWriteArrayList<>();
        AtomicLong decoded = new AtomicLong();
        try (VideoStream s = new VideoStream("cam", c, Path.of("."), Clock.systemUTC(), ms -> decoded.incrementAndGet())) {
            s.start((m, t) -> {
                at.add(t);
                sizes.add(new int[] {m.cols(), m.rows(), m.channels()});
            });
            assertThat(s.awaitEnd(Duration.ofSeconds(60))).isTrue();
        }
        assertThat(decoded.get()).isEqualTo(795);
        assertThat(at).hasSize(159);
        assertThat(Duration.between(at.get(0), at.get(1)).toMillis()).isEqualTo(500);
        assertThat(sizes.getFirst()).containsExactly(768, 576, 3);
    }

    @Test
    void keyframesOnlyDecodesAFractionAndAnalysesEveryKeyframe() throws Exception {
        VideoConnection c = new VideoConnection(SharedData.path("testdata/video/vtest.avi").toString(), null, null, 2.0, null, false, false,
                null, "keyframes");
        AtomicLong analysed = new AtomicLong();
        long decoded;
        try (VideoStream s = new VideoStream("cam", c, Path.of("."), Clock.systemUTC(), ms -> { })) {
            s.start((m, t) -> analysed.incrementAndGet());
            assertThat(s.awaitEnd(Duration.ofSeconds(60))).isTrue();
            decoded = s.decoded();
        }
        // 795 frames in the recording; only its keyframes reach the decoder, and each is analysed
        // as long as keyframes are sparser than the analysis rate.
        assertThat(decoded).isPositive().isLessThan(795 / 4);
        assertThat(analysed.get()).isPositive().isLessThanOrEqualTo(decoded);
    }

    /** The campus recording as an H.264 camera stream: 25 fps, 2 s GOP, with or without B-frames. */
    private static Path h264(Path dir, int bFrames) throws Exception {
        Path out = dir.resolve("cam-bf" + bFrames + ".mp4");
        Process p = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-i", SharedData.path("testdata/video/vtest.avi").toString(),
                "-vf", "scale=640:360", "-r", "25", "-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-bf", Integer.toString(bFrames),
                "-pix_fmt", "yuv420p", "-t", "20", out.toString()).inheritIO().start();
        assertThat(p.waitFor()).as("ffmpeg (scripts/test installs it)").isZero();
        return out;
    }

    private static long[] play(Path file, String decode) throws Exception {
        AtomicLong analysed = new AtomicLong();
        try (VideoStream s = new VideoStream("cam", new VideoConnection(file.toString(), null, null, 1.0, null, false, false, null, decode),
                Path.of("."), Clock.systemUTC(), ms -> { })) {
            s.start((m, t) -> analysed.incrementAndGet());
            assertThat(s.awaitEnd(Duration.ofSeconds(60))).isTrue();
            return new long[] {analysed.get(), s.decoded(), s.skippedGopTails()};
        }
    }

    @Test
    void autoDecodingSkipsTheGopTailsTheAnalysisDoesNotNeed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // IP-only, as surveillance cameras send: 20 s at 1 analysed frame/s from 500 frames.
        long[] ip = play(h264(dir, 0), "auto");
        assertThat(ip[0]).isEqualTo(20);
        assertThat(ip[2]).as("GOP tails skipped").isGreaterThanOrEqualTo(8);
        assertThat(ip[1]).as("frames decoded").isBetween(240L, 300L);
        // With B-frames the decoder holds frames back: skipping GOP tails would lose the next GOP, so
        // auto only leaves the non-reference frames undecoded, and still analyses one frame a second.
        long[] bf = play(h264(dir, 2), "auto");
        assertThat(bf[0]).isEqualTo(20);
        assertThat(bf[2]).isZero();
        assertThat(bf[1]).isBetween(200L, 450L);
    }

    @Test
    void skippingDeblockingAndNonReferenceFramesDoesNotChangeWhatTheDetectorSees(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path out = dir.resolve("cam1080.mp4");
        Process p = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-i", SharedData.path("testdata/video/vtest.avi").toString(),
                "-vf", "scale=1920:1080", "-r", "25", "-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-bf", "2",
                "-pix_fmt", "yuv420p", "-t", "12", out.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        try (var detector = new gridwatch.detectors.vision.yolox.YoloxDetector(gridwatch.detectors.vision.ModelSpec.yoloxNano(
                SharedData.path("models/yolox_nano.onnx"), SharedData.YOLOX_NANO_SHA256))) {
            long full = people(detector, out, "all");
            long fast = people(detector, out, "auto");
            System.out.printf("people detected over the analysed frames: decode all %d, auto %d%n", full, fast);
            // The same people, frame for frame (the frames differ by at most 80 ms).
            assertThat(full).isPositive();
            assertThat((double) fast).isBetween(full * 0.9, full * 1.1);
        }
    }

    private static long people(gridwatch.detectors.vision.ObjectDetector detector, Path file, String decode) throws Exception {
        AtomicLong found = new AtomicLong();
        try (VideoStream s = new VideoStream("cam", new VideoConnection(file.toString(), null, null, 1.0, null, false, false, null, decode),
                Path.of("."), Clock.systemUTC(), ms -> { })) {
            s.start((m, t) -> found.addAndGet(detector.detect(m).stream().filter(d -> d.label().equals("person")).count()));
            assertThat(s.awaitEnd(Duration.ofSeconds(60))).isTrue();
        }
        return found.get();
    }

    @Test
    void anMjpegCameraThatDiesIsReconnectedWhenItReturns() throws Exception {
        int port = LoopbackPorts.free();
        AtomicLong analysed = new AtomicLong();
        AtomicLong width = new AtomicLong();
        try (MjpegCamera cam = new MjpegCamera(port, 10, campusFrames()).start();
             VideoStream s = new VideoStream("cam", new VideoConnection(cam.url("/video.mjpg"), null, null, 2.0, null, false, true, null, null),
                     Path.of("."), Clock.systemUTC(), ms -> { })) {
            s.start((m, t) -> {
                width.set(m.cols());
                analysed.incrementAndGet();
            });
            await().atMost(20, TimeUnit.SECONDS).until(() -> analysed.get() >= 3);
            assertThat(width.get()).isEqualTo(768);
            cam.stop();
            await().atMost(20, TimeUnit.SECONDS).until(() -> s.describe().contains("stream lost") || s.describe().contains("cannot read"));
            long before = analysed.get();
            Thread.sleep(1500);
            cam.start();
            await().atMost(40, TimeUnit.SECONDS).until(() -> analysed.get() >= before + 3);
            assertThat(s.reconnects()).isPositive();
            // Decoding ran at the stream's 10 fps; analysis took the newest frame at 2 fps.
            assertThat(s.decoded()).isGreaterThan(analysed.get() * 3);
        }
    }

    @Test
    void aSnapshotUrlIsPolledRatherThanTreatedAsALostStream() throws Exception {
        int port = LoopbackPorts.free();
        AtomicLong analysed = new AtomicLong();
        try (MjpegCamera cam = new MjpegCamera(port, 10, campusFrames()).start();
             VideoStream s = new VideoStream("cam", new VideoConnection(cam.url("/snapshot.jpg"), null, null, 2.0, null, false, true, 0.3, null),
                     Path.of("."), Clock.systemUTC(), ms -> { })) {
            s.start((m, t) -> analysed.incrementAndGet());
            await().atMost(30, TimeUnit.SECONDS).until(() -> analysed.get() >= 5);
            assertThat(s.reconnects()).isZero();
        }
    }
}
