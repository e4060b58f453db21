package gridwatch.gateway.pipeline;

import gridwatch.gateway.pipeline.PipelineInput.Bulk;
import gridwatch.gateway.pipeline.PipelineInput.FindingIn;
import gridwatch.gateway.pipeline.PipelineInput.OneReading;
import gridwatch.gateway.pipeline.PipelineInput.Priority;
import gridwatch.gateway.pipeline.PipelineInput.ReadingBatch;
import gridwatch.gateway.pipeline.PipelineInput.Wake;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pipeline's two lanes. Readings are admitted while fewer than {@code maxReadings} wait; findings while fewer
 * than {@code maxFindings} wait; control entries always (there are only ever a few: the reloads in progress, and
 * at most one outcome per incident with an alert being stored), so a flood of readings can neither delay nor crowd out what matters more.
 *
 * <p>The pipeline thread blocks on the bulk lane only. An offer to the priority lane also puts a wake-up signal in
 * the bulk lane unless one is pending; the bulk lane has a slot more than readings can take, so the signal always
 * fits. Producers: any thread, never blocking. Consumer: the pipeline thread.
 */
final class PipelineInbox {

    private final int maxReadings;
    private final int maxFindings;
    private final BlockingQueue<Bulk> bulk;
    private final AtomicInteger readings = new AtomicInteger();
    private final BlockingQueue<Priority> priority = new LinkedBlockingQueue<>();
    private final AtomicInteger findings = new AtomicInteger();
    private final AtomicBoolean wakePending = new AtomicBoolean();

    PipelineInbox(int maxReadings, int maxFindings) {
        this.maxReadings = maxReadings;
        this.maxFindings = maxFindings;
        // Every entry holds at least one reading, so entries never outnumber readings: one slot more for the signal.
        this.bulk = new ArrayBlockingQueue<>(maxReadings + 1);
    }

    /** False when {@code n} more readings would exceed the bound; nothing is queued then. */
    boolean offerReadings(Bulk entry, int n) {
        if (readings.addAndGet(n) > maxReadings) {
            readings.addAndGet(-n);
            return false;
        }
        bulk.add(entry);
        return true;
    }

    /** False when the finding lane is full; nothing is queued then. */
    boolean offerFinding(FindingIn f) {
        if (findings.incrementAndGet() > maxFindings) {
            findings.decrementAndGet();
            return false;
        }
        priority.add(f);
        wake();
        return true;
    }

    /** Always queued: control entries are few by construction. */
    void offerControl(Priority p) {
        priority.add(p);
        wake();
    }

    /** Makes a waiting pipeline thread look at the priority lane (and at whether it should stop). */
    void wake() {
        if (wakePending.compareAndSet(false, true)) {
            bulk.add(Wake.SIGNAL);
        }
    }

    /** Pipeline thread: the next priority entry, or null. */
    @Nullable Priority pollPriority() {
        return counted(priority.poll());
    }

    /** Pipeline thread: the next priority entry within the timeout, or null. */
    @Nullable Priority pollPriority(long timeoutMillis) throws InterruptedException {
        return counted(priority.poll(timeoutMillis, TimeUnit.MILLISECONDS));
    }

    private @Nullable Priority counted(@Nullable Priority p) {
        if (p instanceof FindingIn) {
            findings.decrementAndGet();
        }
        return p;
    }

    /** Pipeline thread: waits for at least one bulk entry, then takes up to {@code max} into {@code into}. */
    void takeBulk(List<Bulk> into, int max) throws InterruptedException {
        int from = into.size();
        into.add(bulk.take());
        bulk.drainTo(into, max - 1);
        int taken = 0;
        for (Bulk b : into.subList(from, into.size())) {
            switch (b) {
                case OneReading r -> taken++;
                case ReadingBatch batch -> taken += batch.readings().size();
                // Cleared before the caller next looks at the priority lane, so no offer goes unnoticed.
                case Wake w -> wakePending.set(false);
            }
        }
        readings.addAndGet(-taken);
    }

    boolean bulkEmpty() {
        return bulk.isEmpty();
    }
}
