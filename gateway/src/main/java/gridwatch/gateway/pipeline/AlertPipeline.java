package gridwatch.gateway.pipeline;

import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.AlertFactory;
import gridwatch.gateway.alert.AlertSink;
import gridwatch.gateway.alert.AlertTaps;
import gridwatch.gateway.alert.IncidentTracker;
import gridwatch.gateway.alert.LifecycleStep;
import gridwatch.gateway.alert.json.AlertJson;
import gridwatch.gateway.alert.outbox.Outbox;
import gridwatch.gateway.alert.outbox.OutboxFullException;
import gridwatch.gateway.alert.outbox.OutboxMessage;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ops.GatewayMetrics;
import gridwatch.gateway.rules.RuleEngine;
import gridwatch.gateway.uplink.mqtt.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * reading → health gate → rules → finding → incident lifecycle → alert → sinks and outbox, on one thread that
 * owns all rule and incident state. Sources enqueue without blocking; config reloads are
 * enqueued too, so they apply between two readings and never race a rule.
 */
public final class AlertPipeline implements ReadingSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertPipeline.class);
    /** Readings waiting, at most; beyond it new readings are dropped and counted (never blocks a source). */
    private static final int QUEUE = 65_536;
    /** Entries taken from the queue per lock acquisition. */
    private static final int DRAIN = 256;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicInteger queuedReadings = new AtomicInteger();
    private final RuleEngine rules;
    private final DeviceHealth health;
    private final IncidentTracker incidents;
    private final AlertFactory factory;
    private final AlertJson json = new AlertJson();
    private final Outbox outbox;
    private final Topics topics;
    private final AlertTaps taps;
    private final GatewayMetrics metrics;
    private final DeviceActivity activity;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;
    private Consumer<Reading> store = r -> { };

    public AlertPipeline(DeviceHealth health, RuleEngine rules, IncidentTracker incidents, AlertFactory factory, Outbox outbox, Topics topics,
                         List<AlertSink> sinks, GatewayMetrics metrics, DeviceActivity activity, Clock clock) {
        this.health = health;
        this.rules = rules;
        this.incidents = incidents;
        this.factory = factory;
        this.outbox = outbox;
        this.topics = topics;
        this.taps = new AlertTaps(metrics::tapDropped);
        sinks.forEach(taps::add);
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

    /** Where every reading goes after the health gate (time-series storage); must not block. Set before start. */
    public void store(Consumer<Reading> readingStore) {
        this.store = readingStore;
    }

    public void start() {
        taps.start();
        thread.start();
    }

    @Override
    public void accept(Reading reading) {
        if (queuedReadings.incrementAndGet() > QUEUE || !queue.offer(reading)) {
            queuedReadings.decrementAndGet();
            dropped(1, reading.deviceId());
        }
    }

    /** One queue entry for the lot: sources that read in bursts (HJ 212) pay one lock per burst, not per reading. */
    @Override
    public void acceptAll(List<Reading> readings) {
        int n = readings.size();
        if (n == 0) {
            return;
        }
        if (queuedReadings.addAndGet(n) > QUEUE || !queue.offer(new Batch(readings))) {
            queuedReadings.addAndGet(-n);
            dropped(n, readings.getFirst().deviceId());
        }
    }

    private record Batch(List<Reading> readings) {
    }

    private void dropped(int n, String deviceId) {
        for (int i = 0; i < n; i++) {
            metrics.readingDropped();
        }
        LOG.warn("pipeline queue full; {} reading(s) from {} dropped", n, deviceId);
    }

    /** Applies a new config between two readings. */
    public void reconfigure(EdgeConfig config) {
        try {
            queue.put((Runnable) () -> {
                rules.reconfigure(config);
                incidents.reconfigure(config.alerts());
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Object> drained = new ArrayList<>(DRAIN);
        while (running || !queue.isEmpty()) {
            try {
                drained.add(queue.take());
                queue.drainTo(drained, DRAIN - 1);
            } catch (InterruptedException e) {
                return;
            }
            for (Object next : drained) {
                switch (next) {
                    case Reading r -> step(r);
                    case Batch b -> b.readings().forEach(this::step);
                    case Runnable task -> runTask(task);
                    default -> LOG.error("pipeline: unexpected entry {}", next);
                }
            }
            drained.clear();
        }
    }

    private void runTask(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("pipeline error (task skipped): {}", e.getMessage(), e);
        }
    }

    /** One reading, isolated: a failure skips that reading, not the rest of its batch. */
    private void step(Reading r) {
        queuedReadings.decrementAndGet();
        try {
            handle(r);
        } catch (RuntimeException e) {
            LOG.error("pipeline error (reading skipped): {}", e.getMessage(), e);
        }
    }

    /** A finding from outside the rules (a device gone silent, a camera's scene rule), handled on the pipeline thread. */
    @Override
    public void finding(Finding f) {
        try {
            queue.put((Runnable) () -> incidents.step(f).ifPresent(step -> produce(f, step)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(Reading raw) {
        metrics.readingIn(raw.deviceId());
        activity.record(raw.deviceId(), clock.millis());
        Reading r = health.gate(raw);
        store.accept(r);
        health.fault(r).ifPresent(f -> incidents.step(f).ifPresent(step -> produce(f, step)));
        for (Finding f : rules.evaluate(r)) {
            incidents.step(f).ifPresent(step -> produce(f, step));
        }
    }

    private void produce(Finding f, LifecycleStep step) {
        Alert alert = factory.create(f, step);
        byte[] payload = json.encode(alert);
        outbox.append(new OutboxMessage(alert.alertId().toString(), alert.sourceKey(), alert.severity().ordinal(),
                        topics.alerts(alert.type()), payload))
                .whenComplete((seq, error) -> {
                    if (error == null) {
                        metrics.alertProduced(alert.type(), alert.lifecycle().wireName());
                        // Taps see only alerts that count as produced: stored on disk. Queuing never blocks the writer.
                        taps.publish(alert);
                    } else {
                        metrics.alertNotStored(error instanceof OutboxFullException ? "outbox_full" : "error");
                    }
                });
    }

    @Override
    public void close() {
        running = false;
        queue.offer((Runnable) () -> { });
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        taps.close();
    }
}
