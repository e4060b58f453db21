package gridwatch.gateway.pipeline;

import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.AlertFactory;
import gridwatch.gateway.alert.AlertSink;
import gridwatch.gateway.alert.AlertTaps;
import gridwatch.gateway.alert.IncidentTracker;
import gridwatch.gateway.alert.outbox.Outbox;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.pipeline.PipelineInput.Bulk;
import gridwatch.gateway.pipeline.PipelineInput.FindingIn;
import gridwatch.gateway.pipeline.PipelineInput.OneReading;
import gridwatch.gateway.pipeline.PipelineInput.Priority;
import gridwatch.gateway.pipeline.PipelineInput.ReadingBatch;
import gridwatch.gateway.pipeline.PipelineInput.Reconfigure;
import gridwatch.gateway.pipeline.PipelineInput.Settled;
import gridwatch.gateway.pipeline.PipelineInput.Wake;
import gridwatch.gateway.rules.RuleEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * reading → health gate → rules → finding → incident lifecycle → alert → outbox → taps, on one thread
 * ({@code alert-pipeline}) that owns all rule and incident state. Everything reaches that thread through its inbox
 * ({@link PipelineInbox}): readings in a bounded bulk lane, findings and control entries (reloads, the outbox's
 * answers) in a priority lane it empties before every chunk of readings. No caller ever blocks: what a full lane
 * refuses is counted and logged. Findings become alerts through {@link AlertProducer}, whose outbox answers come
 * back through the priority lane, so incident state too is only ever touched on this thread.
 */
public final class AlertPipeline implements ReadingSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertPipeline.class);
    /** Readings waiting, at most; beyond it new readings are dropped and counted (never blocks a source). */
    private static final int READINGS = 65_536;
    /** Findings waiting, at most: far more than cameras and watchers raise while the pipeline is healthy. */
    private static final int FINDINGS = 4_096;
    /** Bulk entries taken per hand-off. */
    private static final int DRAIN = 256;
    /** How often one-shot incidents are checked for their TTL: the lateness of their END at most. */
    private static final long EXPIRY_CHECK_MILLIS = 1000;

    private final PipelineInbox inbox = new PipelineInbox(READINGS, FINDINGS);
    private final OverflowLog readingOverflow = new OverflowLog("reading", Level.WARN);
    private final OverflowLog findingOverflow = new OverflowLog("finding", Level.ERROR);
    private final DeviceHealth health;
    private final AlertProducer producer;
    private final AppliedConfig applied;
    private final AlertTaps taps;
    private final PipelineMetrics metrics;
    private final DeviceActivity activity;
    private final Clock clock;
    private final Thread thread;
    private long nextExpiryCheck = Long.MIN_VALUE; // pipeline thread only
    private volatile boolean closing;
    private Consumer<Reading> store = r -> { };

    public AlertPipeline(DeviceHealth health, RuleEngine rules, IncidentTracker incidents, AlertFactory factory, Outbox outbox,
                         List<AlertSink> sinks, PipelineMetrics metrics, DeviceActivity activity, Clock clock) {
        this.health = health;
        this.taps = new AlertTaps(metrics::tapDropped);
        sinks.forEach(taps::add);
        this.producer = new AlertProducer(incidents, outbox, taps, metrics, inbox::offerControl);
        this.applied = new AppliedConfig(rules, factory, producer);
        this.metrics = metrics;
        this.activity = activity;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("alert-pipeline").daemon(true).unstarted(this::run);
    }

    /**
     * Hears of each alert once it is durably stored, as a tap of its own: on its own thread, in order, and free to
     * take its time (a slow listener only delays itself). Set before start.
     */
    public void onStored(Consumer<Alert> listener) {
        taps.add(AlertSink.named("on-stored", listener));
    }

    /** Where every reading goes after the health gate (time-series storage); called on the pipeline thread, must not block. Set before start. */
    public void store(Consumer<Reading> readingStore) {
        this.store = readingStore;
    }

    /** Starts the taps' threads and the pipeline thread; once, on the thread that assembles the gateway. */
    public void start() {
        taps.start();
        thread.start();
    }

    /** Any source thread; never blocks. A full reading lane drops the reading, counted and logged. */
    @Override
    public void accept(Reading reading) {
        if (!closing && !inbox.offerReadings(new OneReading(reading), 1)) {
            dropped(1, reading.deviceId());
        }
    }

    /** Any source thread; never blocks. One entry for the lot: a burst costs one hand-off. The pipeline owns the list after. */
    @Override
    public void acceptAll(List<Reading> readings) {
        int n = readings.size();
        if (n == 0 || closing) {
            return;
        }
        if (!inbox.offerReadings(new ReadingBatch(readings), n)) {
            dropped(n, readings.getFirst().deviceId());
        }
    }

    private void dropped(int n, String deviceId) {
        for (int i = 0; i < n; i++) {
            metrics.readingDropped();
        }
        readingOverflow.dropped(n, n + " from " + deviceId);
    }

    /**
     * A finding from outside the rules (a device gone silent, a camera's scene rule), handled on the pipeline thread
     * ahead of waiting readings. Any thread (camera analysis threads, the staleness watcher); never blocks. When the
     * finding lane is full the finding is dropped, counted ({@code gridwatch.findings.dropped}) and logged.
     */
    @Override
    public void finding(Finding f) {
        if (closing) {
            LOG.debug("pipeline closing; finding {} on {} ignored", f.ruleId(), f.deviceId());
        } else if (!inbox.offerFinding(new FindingIn(f))) {
            metrics.findingDropped();
            findingOverflow.dropped(1, "rule " + f.ruleId() + " on " + f.deviceId());
        }
    }

    /** As {@link #finding}, but a full finding lane or a closing pipeline refuses it instead of dropping it. */
    @Override
    public boolean tryFinding(Finding f) {
        return !closing && inbox.offerFinding(new FindingIn(f));
    }

    /**
     * Applies a new config between two readings, ahead of waiting readings: rules, thresholds, categories and the
     * alert policy switch together, or, when any part cannot be built, none of them does. Any thread (the reloader);
     * never blocks. The future completes on the pipeline thread once the config is in effect, or exceptionally when
     * it was refused (the running config stays); what depends on it runs there and must not block.
     */
    public CompletableFuture<Void> reconfigure(EdgeConfig config) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new IllegalStateException("pipeline closing"));
        } else {
            inbox.offerControl(new Reconfigure(config, done));
        }
        return done;
    }

    private void run() {
        List<Bulk> chunk = new ArrayList<>(DRAIN);
        while (true) {
            drainPriority();
            expireOneShots();
            if (closing && inbox.bulkEmpty()) {
                break;
            }
            try {
                // Bounded, so one-shot incidents end on time even when no input comes.
                inbox.takeBulk(chunk, DRAIN, EXPIRY_CHECK_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
            for (Bulk entry : chunk) {
                switch (entry) {
                    case OneReading one -> step(one.reading());
                    case ReadingBatch batch -> batch.readings().forEach(this::step);
                    case Wake w -> { }
                }
            }
            chunk.clear();
        }
        drainPriority();
        awaitOutstandingAlerts();
    }

    /** At close: alerts on their way into the outbox still settle, so taps and incidents hear of them. Bounded. */
    private void awaitOutstandingAlerts() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (producer.outstanding() > 0 && System.nanoTime() < deadline) {
                Priority p = inbox.pollPriority(100);
                switch (p) {
                    case Settled s -> producer.settle(s);
                    case FindingIn in -> propose(in.finding());
                    case Reconfigure r -> r.done().completeExceptionally(new IllegalStateException("pipeline closing"));
                    case null -> { }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("pipeline error while closing: {}", e.getMessage(), e);
        }
        if (producer.outstanding() > 0) {
            LOG.warn("pipeline closed with {} alerts still on their way into the outbox", producer.outstanding());
        }
    }

    /** One-shot incidents not seen again within their TTL end now; checked once a second, not per chunk of readings. */
    private void expireOneShots() {
        long now = clock.millis();
        if (now < nextExpiryCheck) {
            return;
        }
        nextExpiryCheck = now + EXPIRY_CHECK_MILLIS;
        try {
            producer.expire(clock.instant());
        } catch (RuntimeException e) {
            LOG.error("pipeline error while ending one-shot incidents: {}", e.getMessage(), e);
        }
    }

    private void drainPriority() {
        Priority p;
        while ((p = inbox.pollPriority()) != null) {
            try {
                switch (p) {
                    case FindingIn in -> propose(in.finding());
                    case Settled settled -> producer.settle(settled);
                    case Reconfigure r -> applied.apply(r);
                }
            } catch (RuntimeException e) {
                LOG.error("pipeline error ({} skipped): {}", p.getClass().getSimpleName(), e.getMessage(), e);
            }
        }
    }

    /** One reading, isolated: a failure skips that reading, not the rest of its batch. */
    private void step(Reading r) {
        try {
            handle(r);
        } catch (RuntimeException e) {
            LOG.error("pipeline error (reading skipped): {}", e.getMessage(), e);
        }
    }

    private void handle(Reading raw) {
        metrics.readingIn(raw.deviceId());
        activity.record(raw.deviceId(), clock.millis());
        Reading r = health.gate(raw);
        store.accept(r);
        health.fault(r).ifPresent(this::propose);
        for (Finding f : applied.evaluate(r)) {
            propose(f);
        }
    }

    private void propose(Finding f) {
        producer.propose(f, applied.factory());
    }

    /** Stops taking input, finishes what is queued, then stops the taps. Not on the pipeline thread. */
    @Override
    public void close() {
        closing = true;
        inbox.wake();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("pipeline did not finish its queue within 10 s; stopping it");
            thread.interrupt();
        } else {
            // A reload that slipped in as the thread ended must still hear that it did not apply.
            Priority p;
            while ((p = inbox.pollPriority()) != null) {
                if (p instanceof Reconfigure r) {
                    r.done().completeExceptionally(new IllegalStateException("pipeline closed"));
                }
            }
        }
        taps.close();
    }
}
