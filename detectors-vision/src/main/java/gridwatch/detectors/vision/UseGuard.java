package gridwatch.detectors.vision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Frees a native resource exactly once, and never while a call is using it: a model whose
 * camera's analysis thread may still be inside an inference when the box shuts down, or a
 * camera's rules while its last frame is still being evaluated.
 *
 * <p>Each use is a call of {@link #use}. {@link #close(Duration)} refuses new uses at once with a
 * {@link ClosedException}, waits up to its bound for the running ones to leave, and frees the
 * resource once the last one has left: on the closing thread when they leave in time; otherwise
 * on the thread of the last use, as it leaves. So a use that outlives the bound is never freed
 * under, and the resource is never left unfreed.
 *
 * <p>Thread-safe. {@link #use} takes a short lock before and after its work and may be called
 * from any thread; {@link #close(Duration)} blocks up to its bound. Uses may nest (a
 * tiled detection uses the model once per tile within the camera's own use of its chain).
 */
public final class UseGuard {

    private static final Logger LOG = LoggerFactory.getLogger(UseGuard.class);

    private final String name;
    private final Runnable free;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int running;
    private boolean closing;
    private boolean closerWaiting;
    private boolean freed;

    /**
     * @param name what is guarded, for the {@link ClosedException} and the log ("model yolox_nano.onnx")
     * @param free frees the resource; runs once, on the closing thread or on the thread of the last use
     */
    public UseGuard(String name, Runnable free) {
        this.name = name;
        this.free = free;
    }

    /**
     * Runs {@code work} as one use, on the calling thread.
     *
     * @throws ClosedException once {@link #close(Duration)} has been called (then {@code work} does not run)
     */
    public <T> T use(Supplier<T> work) {
        lock.lock();
        try {
            if (closing) {
                throw new ClosedException(name);
            }
            running++;
        } finally {
            lock.unlock();
        }
        try {
            return work.get();
        } finally {
            leave();
        }
    }

    private void leave() {
        boolean freeHere;
        lock.lock();
        try {
            running--;
            idle.signalAll();
            // The closer gave up waiting for this use: the last one out frees.
            freeHere = closing && !closerWaiting && running == 0 && !freed;
            freed |= freeHere;
        } finally {
            lock.unlock();
        }
        if (freeHere) {
            try {
                free.run();
                LOG.info("{} freed after its last running use ended", name);
            } catch (RuntimeException e) {
                LOG.warn("{}: freeing it after its last use failed: {}", name, e.toString());
            }
        }
    }

    /**
     * Refuses new uses, waits up to {@code wait} for the running ones, and frees the resource if
     * they have left; otherwise the last of them frees it as it leaves. Calling it again is harmless.
     *
     * @return true when the resource is freed (now or before), false when a use still runs
     */
    public boolean close(Duration wait) {
        boolean freeHere;
        lock.lock();
        try {
            closing = true;
            closerWaiting = true;
            long left = wait.toNanos();
            boolean interrupted = false;
            while (running > 0 && left > 0) {
                try {
                    left = idle.awaitNanos(left);
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting out the bound: freeing under a running use could crash the JVM
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            closerWaiting = false;
            if (running > 0) {
                LOG.warn("{}: {} use(s) still running after {} ms; it will be freed when the last one ends",
                        name, running, TimeUnit.NANOSECONDS.toMillis(wait.toNanos()));
                return false;
            }
            freeHere = !freed;
            freed = true;
        } finally {
            lock.unlock();
        }
        if (freeHere) {
            free.run();
        }
        return true;
    }

    /** Whether {@link #close(Duration)} has been called (uses are refused from then on). */
    public boolean closed() {
        lock.lock();
        try {
            return closing;
        } finally {
            lock.unlock();
        }
    }
}
