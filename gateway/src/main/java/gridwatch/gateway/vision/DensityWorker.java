package gridwatch.gateway.vision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The box's one density thread: every camera that counts by density hands its estimates here (see
 * {@code DensitySampler}), so the density model never runs on a decode or analysis thread, and all of
 * them together take at most one core (more only through {@code vision.densityModel.threads}). The
 * queue holds at most one estimate per camera (a camera offers its next frame only once its last
 * estimate is done), so it is bounded by the number of cameras; when the worker falls behind, every
 * camera's period stretches instead.
 *
 * <p>Owned by the {@link VisionFactory} (public for the benchmark, which builds cameras itself), closed
 * after the cameras and before the density models: a queued estimate is dropped, a running one is
 * waited for (bounded) and otherwise refused by its model's guard when the model closes.
 */
public final class DensityWorker implements Executor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DensityWorker.class);
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("density-worker").daemon(true).unstarted(r));

    /** Any thread; never blocks. @throws java.util.concurrent.RejectedExecutionException once closed */
    @Override
    public void execute(Runnable estimate) {
        thread.execute(estimate);
    }

    /** Drops queued estimates and waits (bounded) for the running one. Any thread; idempotent. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("density worker still busy after {} s; its model refuses the estimate when it closes", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
