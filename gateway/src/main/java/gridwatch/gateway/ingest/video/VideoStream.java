package gridwatch.gateway.ingest.video;

import org.jspecify.annotations.Nullable;

import gridwatch.config.model.VideoConnection;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Decodes one camera through FFmpeg (JavaCV's grabber) and hands the frames due for analysis to
 * a consumer on a second thread.
 *
 * <p>Two threads, so that decoding never waits for analysis: the grab thread reads at stream
 * speed (a live stream that is not read backs up in the camera or the network), and whenever a
 * frame is due at {@code analysisFps} it copies that frame into a one-frame slot, replacing any
 * frame still waiting there. The analysis thread always takes the newest frame, never a stale
 * queue. Files played with {@code realtime: false} (the detect tool, benchmarks) instead wait
 * for the analysis, so every due frame is analysed.
 *
 * <p>A stream that ends or fails is reopened with exponential backoff (1 s to 30 s). An HTTP
 * URL that yields a single image and ends is a snapshot URL: it is polled every
 * {@code snapshotIntervalSeconds} rather than treated as a failure.
 *
 * <p>Native memory, one owner at a time: the FFmpeg grabber, its frames and the converter's view
 * belong to the decode thread, which opens and frees them in {@code readOnce}. The copy of a due
 * frame belongs to the decode thread until it is in the slot, to the slot until the analysis
 * thread takes it, then to the analysis thread, which frees it after the consumer returns (the
 * consumer only borrows it). A frame superseded in the slot is freed by the decode thread that
 * replaces it; whatever is left in the slot after a close is freed by whichever thread ends last
 * (each drains it as it exits, and so does {@link #close()}).
 *
 * <p>{@link #close()} stops decoding first, then lets the analysis finish the frame in hand and
 * end, waiting up to {@value #JOIN_SECONDS} s for each; the caller then closes the analysis chain,
 * which waits for a frame still in hand itself.
 */
public final class VideoStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoStream.class);
    private static final long JOIN_SECONDS = 5;

    private final String deviceId;
    private final VideoConnection conn;
    private final StreamUrl url;
    private final Clock clock;
    private final LongConsumer onFrame;
    private final boolean paced;
    private final BlockingQueue<Object> signal;
    private volatile boolean closed;
    private volatile String state = "connecting";
    private volatile long decoded;
    private volatile long analysed;
    private volatile long dropped;
    private volatile long reconnects;
    private volatile long lagMillis;
    private volatile long skippedGops;
    private volatile boolean ended;
    private boolean failing;
    /** Analysis thread only. */
    private @Nullable String lastFailure;
    private @Nullable Thread grabber;
    private @Nullable Thread analyser;

    /** @param onFrame hears of every decoded frame (wall-clock millis), for device activity */
    public VideoStream(String deviceId, VideoConnection conn, Path configDir, Clock clock, LongConsumer onFrame) {
        this.deviceId = deviceId;
        this.conn = conn;
        this.url = StreamUrl.of(conn, configDir);
        this.clock = clock;
        this.onFrame = onFrame;
        this.paced = !(url.file() && !conn.realtime());
        this.signal = new ArrayBlockingQueue<>(1);
    }

    static {
        // FFmpeg prints each refused connection to stderr; the stream's state (/health) and this
        // class's log already say it, once, in words an operator can act on.
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    public void start(FrameConsumer consumer) {
        analyser = Thread.ofPlatform().name("camera-analysis-" + deviceId).daemon(true).start(() -> analyse(consumer));
        grabber = Thread.ofPlatform().name("camera-decode-" + deviceId).daemon(true).start(this::grabLoop);
    }

    private void grabLoop() {
        try {
            grabUntilClosed();
        } finally {
            if (closed) {
                // The decode thread is the only producer: after this, nothing it made is left
                // behind. (A file that ended leaves its last frames and END for the analysis.)
                drain();
            }
        }
    }

    private void grabUntilClosed() {
        long backoff = 1000;
        while (!closed) {
            int frames = readOnce();
            if (closed) {
                break;
            }
            if (url.file() && !conn.loop()) {
                state = "finished " + url.forLogs() + " (" + decoded + " frames)";
                ended = true;
                offer(END);
                return;
            }
            long wait;
            if (url.file()) {
                wait = 0;
            } else if (frames == 1 && url.forFfmpeg().startsWith("http")) {
                wait = (long) (conn.snapshotIntervalSeconds() * 1000);
                backoff = 1000;
            } else {
                wait = frames > 0 ? 1000 : backoff;
                backoff = frames > 0 ? 1000 : Math.min(backoff * 2, 30_000);
                reconnects++;
                state = "stream lost (" + url.forLogs() + "); reconnecting in " + wait / 1000 + " s";
            }
            if (wait > 0 && !sleep(wait)) {
                return;
            }
        }
    }

    /** Opens the stream and reads it to its end or failure; returns how many frames it gave. */
    private int readOnce() {
        int frames = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(url.forFfmpeg());
             OpenCVFrameConverter.ToMat toMat = new OpenCVFrameConverter.ToMat()) {
            if (url.forFfmpeg().startsWith("rtsp")) {
                g.setOption("rtsp_transport", conn.rtspTransport());
            }
            if (!url.file()) {
                g.setOption("timeout", "5000000"); // µs: a dead camera fails the read instead of hanging
                g.setOption("rw_timeout", "5000000");
            }
            g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            // One decoding thread per camera: a box runs many cameras, and FFmpeg's default (a
            // frame thread per core, each holding frames) multiplies memory without adding throughput.
            g.setVideoOption("threads", "1");

            g.start();
            state = "streaming " + url.forLogs() + " " + g.getImageWidth() + "x" + g.getImageHeight();
            if (failing) {
                LOG.info("camera {}: streaming again from {}", deviceId, url.forLogs());
                failing = false;
            }
            Instant opened = clock.instant();
            boolean keyframesOnly = "keyframes".equals(conn.decode());
            boolean reorders = DecoderSkip.reordersFrames(g);
            boolean skipTails = "auto".equals(conn.decode()) && DecoderSkip.available() && !reorders;
            boolean skipToKey = false;
            long skipUntil = 0;
            long lastKeyTs = Long.MIN_VALUE;
            long gop = 0;
            long intervalMicros = (long) (1_000_000 / conn.analysisFps());
            double fps = g.getFrameRate() > 0 && g.getFrameRate() < 1000 ? g.getFrameRate() : 25;
            long frameMicros = (long) (1_000_000 / fps);
            if ("auto".equals(conn.decode()) && reorders && frameMicros * 2 < intervalMicros) {
                // B-frame streams cannot skip GOP tails (see DecoderSkip), but their non-reference
                // frames can go undecoded when the analysis takes far fewer frames than the stream has.
                DecoderSkip.skipNonReference(g);
            }
            long nextDue = Long.MIN_VALUE;
            long firstTs = Long.MIN_VALUE;
            long lastTs = Long.MIN_VALUE;
            long wallStart = System.nanoTime();
            Frame f;
            while (!closed) {
                // Converting a 1080p frame to BGR costs about as much as decoding it: only the frame
                // expected to be due is converted; the others are decoded (P-frames need them) and dropped.
                boolean convert = lastTs == Long.MIN_VALUE || keyframesOnly || skipToKey || lastTs + frameMicros + frameMicros / 2 >= nextDue;
                f = g.grabFrame(false, true, convert, keyframesOnly, false);
                if (f == null) {
                    break;
                }
                if (f.image == null) {
                    continue;
                }
                frames++;
                decoded++;
                onFrame.accept(clock.millis());
                long ts = g.getTimestamp();
                lastTs = ts;
                if (f.keyFrame) {
                    gop = lastKeyTs == Long.MIN_VALUE ? 0 : ts - lastKeyTs;
                    lastKeyTs = ts;
                }
                if (skipToKey) {
                    if (ts < skipUntil || !f.keyFrame) {
                        continue; // a frame the decoder still held back (B-frame reordering)
                    }
                    skipToKey = false;
                    DecoderSkip.keyframesOnly(g, false);
                }
                if (firstTs == Long.MIN_VALUE) {
                    firstTs = ts;
                    nextDue = ts;
                }
                if (url.file() && conn.realtime()) {
                    long behind = (ts - firstTs) * 1000 - (System.nanoTime() - wallStart);
                    lagMillis = Math.max(0, -behind / 1_000_000);
                    if (behind > 0 && !sleep(behind / 1_000_000)) {
                        break;
                    }
                }
                if (ts < nextDue || !convert) {
                    continue;
                }
                nextDue = Math.max(nextDue + intervalMicros, ts);
                Instant at = url.file() ? opened.plusNanos((ts - firstTs) * 1000) : clock.instant();
                Mat copy = toMat.convert(f).clone();
                handOff(new Stamped(copy, at));
                // The rest of this GOP holds no frame the analysis will take: do not decode it, go
                // straight to the next keyframe (P-frames need their predecessors, a keyframe none).
                if (skipTails && gop > 0 && nextDue >= lastKeyTs + gop - frameMicros / 2 && DecoderSkip.keyframesOnly(g, true)) {
                    skipToKey = true;
                    skipUntil = lastKeyTs + gop - frameMicros / 2;
                    skippedGops++;
                }
            }
        } catch (InterruptedException e) {
            // close() interrupted a wait for the analysis (files played with realtime: false).
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (closed) {
                LOG.debug("camera {}: stream closed while reading: {}", deviceId, e.toString());
                return frames;
            }
            state = "cannot read " + url.forLogs() + ": " + e.getMessage();
            // Once per outage at WARN; the retries that follow only change the state in /health.
            if (!failing) {
                LOG.warn("camera {}: cannot read {}: {}; retrying with backoff", deviceId, url.forLogs(), e.getMessage());
                failing = true;
            } else {
                LOG.debug("camera {}: {}", deviceId, e.getMessage());
            }
        }
        return frames;
    }

    private record Stamped(Mat mat, Instant at) {
    }

    private static final Object END = new Object();

    /** Decode thread. Takes ownership of {@code s}: it ends up in the slot or freed. */
    private void handOff(Stamped s) throws InterruptedException {
        if (!paced) {
            try {
                signal.put(s); // files as fast as possible: wait for the analysis
            } catch (InterruptedException e) {
                s.mat().close();
                throw e;
            }
            return;
        }
        Object old = signal.poll();
        if (old instanceof Stamped o) {
            o.mat().close();
            dropped++;
        }
        if (!signal.offer(s)) {
            s.mat().close(); // cannot happen (this thread is the only producer), but never leak
        }
    }

    /** Frees the frames left in the slot; any thread (each taken frame has exactly one taker). */
    private void drain() {
        Object o;
        while ((o = signal.poll()) != null) {
            if (o instanceof Stamped s) {
                s.mat().close();
            }
        }
    }

    private void offer(Object o) {
        try {
            signal.put(o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void analyse(FrameConsumer consumer) {
        try {
            analyseUntilClosed(consumer);
        } finally {
            drain();
        }
    }

    private void analyseUntilClosed(FrameConsumer consumer) {
        while (!closed) {
            Object o;
            try {
                o = signal.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (o == END) {
                return;
            }
            if (o instanceof Stamped s) {
                try (Mat m = s.mat()) {
                    if (closed) {
                        return; // shutting down: no new inference on a frame nobody will see
                    }
                    consumer.frame(m, s.at());
                    analysed++;
                    lastFailure = null;
                } catch (RuntimeException e) {
                    String failure = e.toString();
                    if (closed || failure.equals(lastFailure)) {
                        // The same failure frame after frame (a closed model) is said once, not five times a second.
                        LOG.debug("camera {}: analysis of a frame failed: {}", deviceId, failure);
                    } else {
                        LOG.warn("camera {}: analysis of a frame failed: {} (the same again is logged at debug level)", deviceId, failure);
                    }
                    lastFailure = failure;
                }
            }
        }
    }

    /** Blocks until a file has been played to its end (tests, the detect tool). */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        Thread a = Objects.requireNonNull(analyser, "not started");
        a.join(timeout);
        return !a.isAlive() && ended;
    }

    private boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    public String describe() {
        return state + ", " + decoded + " decoded, " + analysed + " analysed" + (dropped > 0 ? ", " + dropped + " superseded" : "")
                + (reconnects > 0 ? ", " + reconnects + " reconnects" : "");
    }

    public long decoded() {
        return decoded;
    }

    public long analysed() {
        return analysed;
    }

    /** GOP tails not decoded because no frame in them was due for analysis ({@code decode: auto}). */
    public long skippedGopTails() {
        return skippedGops;
    }

    /** For a recording played in real time: how far decoding is behind the recording's clock. */
    public long lagMillis() {
        return lagMillis;
    }

    public long reconnects() {
        return reconnects;
    }

    /**
     * Stops decoding, then the analysis: the decode thread is interrupted (a backoff sleep, or a wait
     * for the analysis) and joined; the analysis thread is not interrupted, since it may be inside
     * an inference or handing on a finding, but woken and joined once its frame in hand is done.
     * Each join waits up to {@value #JOIN_SECONDS} s; a thread still running after that (a dead
     * camera's read, a slow frame) ends on its own and frees what it holds. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        if (grabber != null) {
            grabber.interrupt();
            join(grabber);
        }
        drain();
        if (analyser != null) {
            signal.offer(END); // wakes a waiting analysis at once rather than at its next poll timeout
            join(analyser);
        }
        drain();
    }

    private void join(Thread t) {
        try {
            if (!t.join(Duration.ofSeconds(JOIN_SECONDS))) {
                LOG.warn("camera {}: {} still running {} s after close; it ends on its own", deviceId, t.getName(), JOIN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
