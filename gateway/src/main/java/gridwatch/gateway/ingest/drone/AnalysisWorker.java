package gridwatch.gateway.ingest.drone;

import gridwatch.detectors.core.Finding;
import gridwatch.gateway.ingest.ReadingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread ({@code drone-analysis}) that hands stored photos to the {@link PhotoAnalysis}, one at a time, in the
 * order they were accepted, and hands what it found to the pipeline.
 *
 * <p>Overflow policy: there is no in-memory queue to overflow. The ledger's pending rows are the queue; the worker
 * reads at most {@value #BATCH} of them at a time, so a burst of photos (an SD card of 2,000) waits on disk, in
 * order, never dropped, and a restart resumes it. Intake wakes the worker after each new photo; it also looks every
 * {@value #IDLE_SECONDS} s, which retries a photo whose attempt failed.
 *
 * <p>Stopping ({@link #close}) lets the photo being analysed finish (up to {@link #STOP_WAIT_SECONDS} s; then the
 * thread is interrupted and that photo stays pending) and starts no other.
 */
final class AnalysisWorker implements AutoCloseable {

    static final int MAX_ATTEMPTS = 3;
    static final int BATCH = 8;
    static final int IDLE_SECONDS = 5;
    /** How long to wait before offering a finding again that the pipeline's full finding lane refused. */
    static final int FINDING_RETRY_MILLIS = 50;
    private static final long STOP_WAIT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisWorker.class);

    private final PhotoLedger ledger;
    private final PhotoAnalysis analysis;
    private final ReadingSink sink;
    private final DroneMetrics metrics;
    private final Clock clock;
    private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
    private final Thread thread;
    private volatile boolean stopping;

    AnalysisWorker(PhotoLedger ledger, PhotoAnalysis analysis, ReadingSink sink, DroneMetrics metrics, Clock clock) {
        this.ledger = ledger;
        this.analysis = analysis;
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
        this.thread = new Thread(this::run, "drone-analysis");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Any thread; never blocks. There is a new pending photo. */
    void wake() {
        wake.offer(Boolean.TRUE);
    }

    /** Whether {@link #close} has begun (tests, /health). */
    boolean stopping() {
        return stopping;
    }

    private void run() {
        while (!stopping) {
            try {
                List<PatrolPhoto> batch = ledger.pending(BATCH);
                for (PatrolPhoto photo : batch) {
                    if (stopping) {
                        return;
                    }
                    process(photo);
                }
                if (batch.isEmpty() || batch.size() < BATCH) {
                    wake.poll(IDLE_SECONDS, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.error("drone analysis: the ledger failed ({}); trying again in {} s", e.toString(), IDLE_SECONDS);
                try {
                    TimeUnit.SECONDS.sleep(IDLE_SECONDS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void process(PatrolPhoto photo) throws SQLException, InterruptedException {
        List<Finding> findings;
        try {
            findings = analysis.analyse(photo);
        } catch (InterruptedException e) {
            throw e;   // stopping: the photo stays pending for the next start, the attempt is not counted
        } catch (Exception | LinkageError e) {
            boolean failed = ledger.failedAttempt(photo.sha256(), e.toString(), MAX_ATTEMPTS, clock.instant());
            if (failed) {
                metrics.photoProcessed("failed");
                LOG.error("drone photo {} ({} of {}, patrol {}) failed analysis {} times, kept as failed in the ledger: {}", photo.sha256(),
                        photo.originalName(), photo.deviceId(), photo.patrolId(), MAX_ATTEMPTS, e.toString(), e);
            } else {
                LOG.warn("drone photo {} ({} of {}): analysis failed, will try again: {}", photo.sha256(), photo.originalName(),
                        photo.deviceId(), e.toString());
            }
            return;
        }
        for (Finding f : findings) {
            // A photo is not seen again: wait for room rather than drop what it showed. Stopping meanwhile leaves the
            // photo pending, so the next start analyses it again (findings already handed over then repeat as
            // updates of the same one-shot incidents, which are keyed by the object on the ground).
            while (!sink.tryFinding(f)) {
                if (stopping) {
                    throw new InterruptedException("stopping with a finding of photo " + photo.sha256() + " not yet taken");
                }
                TimeUnit.MILLISECONDS.sleep(FINDING_RETRY_MILLIS);
            }
        }
        ledger.done(photo.sha256(), clock.instant());
        metrics.photoProcessed("analysed");
        LOG.debug("drone photo {} ({} of {}, patrol {}) analysed: {} findings", photo.sha256(), photo.originalName(), photo.deviceId(),
                photo.patrolId(), findings.size());
    }

    /** Lets the current photo finish, then stops; returns once the thread has ended (or was abandoned after interrupting it). */
    @Override
    public void close() {
        stopping = true;
        wake();
        if (thread.getState() == Thread.State.NEW) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
            if (thread.isAlive()) {
                LOG.warn("drone analysis still busy after {} s; interrupting it (its photo stays pending)", STOP_WAIT_SECONDS);
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
