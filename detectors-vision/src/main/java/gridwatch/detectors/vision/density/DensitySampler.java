package gridwatch.detectors.vision.density;

import gridwatch.detectors.vision.ClosedException;
import gridwatch.detectors.vision.zone.ImageZone;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one camera's density counter every {@link DensitySettings#period()} (frame time) and keeps the
 * latest reading for the camera's rules. The camera's analysis thread only prepares the frame (a
 * scaled grey copy on the heap, a few milliseconds) and hands it to {@code executor}, which runs the
 * model: in the gateway one density worker thread for the whole box, so the decode and analysis
 * threads never wait for an inference and density takes at most what that worker can give. At most one
 * estimate per camera is queued or running; while it is, frames are not offered, so a worker that falls
 * behind stretches every camera's period instead of queueing stale frames. The detect tool and tests
 * pass a direct executor ({@code Runnable::run}) to get each reading on the frame it was made from.
 *
 * <p>Threads: {@link #offer} and {@link #view} on the camera's analysis thread; the estimate on the
 * executor's; {@link #close()} from any. Holds no native memory (the input and the map are on the
 * heap); the counter is borrowed and stays open.
 */
public final class DensitySampler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DensitySampler.class);

    private final String deviceId;
    private final DensityCounter counter;
    private final DensitySettings settings;
    private final DensityZones zones;
    private final Executor executor;
    private final AtomicReference<@Nullable DensityReading> latest = new AtomicReference<>();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final LongAdder estimates = new LongAdder();
    private final LongAdder failures = new LongAdder();
    /** Analysis thread only. */
    private @Nullable Instant lastOffered;
    private volatile boolean closed;

    public DensitySampler(String deviceId, DensityCounter counter, DensitySettings settings, List<ImageZone> zones, Executor executor) {
        this.deviceId = deviceId;
        this.counter = counter;
        this.settings = settings;
        this.zones = new DensityZones(zones);
        this.executor = executor;
    }

    /**
     * Starts an estimate of {@code frame} when one is due and none is pending. Analysis thread; does not
     * block (unless the executor is direct). The frame stays the caller's: it is copied before this returns.
     *
     * @throws ClosedException when the counter has been closed
     */
    public void offer(Mat frame, Instant at) {
        if (closed || busy.get() || (lastOffered != null && Duration.between(lastOffered, at).compareTo(settings.period()) < 0)) {
            return;
        }
        DensityInput input = counter.prepare(frame, settings.inputWidth());
        lastOffered = at;
        busy.set(true);
        try {
            executor.execute(() -> estimate(input, at));
        } catch (RejectedExecutionException e) {
            busy.set(false); // the worker is shutting down with the box
        }
    }

    /** On the executor's thread. */
    private void estimate(DensityInput input, Instant at) {
        try {
            if (closed) {
                return;
            }
            long t0 = System.nanoTime();
            DensityMap map = counter.estimate(input);
            latest.set(new DensityReading(at, map, zones.sum(map), Duration.ofNanos(System.nanoTime() - t0)));
            estimates.increment();
        } catch (ClosedException e) {
            LOG.debug("camera {}: density model closed during shutdown", deviceId);
        } catch (RuntimeException e) {
            failures.increment();
            // Once, then every 100th: a model failing on every frame must not flood the log.
            if (failures.sum() % 100 == 1) {
                LOG.warn("camera {}: density estimate failed ({} so far), the detector's count stands in: {}", deviceId, failures.sum(), e.toString());
            }
        } finally {
            busy.set(false);
        }
    }

    /** The latest reading as the rules of a frame at {@code at} see it, or null when there is none recent enough. Any thread. */
    public @Nullable DensityView view(Instant at) {
        DensityReading r = latest.get();
        if (r == null || Duration.between(r.at(), at).compareTo(settings.staleAfter()) > 0) {
            return null;
        }
        return new DensityView(r, settings);
    }

    public DensitySettings settings() {
        return settings;
    }

    public String counterName() {
        return counter.name();
    }

    /** Estimates finished so far. Any thread. */
    public long estimates() {
        return estimates.sum();
    }

    /** Estimates that failed (the model threw). Any thread. */
    public long failures() {
        return failures.sum();
    }

    /** No more estimates are started; one already queued is dropped when its turn comes. Any thread. */
    @Override
    public void close() {
        closed = true;
    }
}
