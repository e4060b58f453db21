package gridwatch.gateway.ingest;

import gridwatch.profiles.TransformResult.Reason;
import gridwatch.profiles.TransformResult.Unusable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps account of device values that were not usable numbers (each became one BAD reading,
 * see {@link ProfileReadings}): counted by device and reason through {@link Counter}, and
 * logged at most once a minute per device and reason, with how many went unlogged in between,
 * so a meter that sends NaN every second cannot flood the log. Thread-safe: event loops, MQTT
 * and OPC UA callback threads and pollers all report here; nothing in it blocks.
 */
public final class UnusableValues {

    /** Where the count goes, e.g. {@code GatewayMetrics::valueUnusable}. Called on the reporting thread; must not block. */
    @FunctionalInterface
    public interface Counter {
        void count(String deviceId, String reason);
    }

    private static final Logger LOG = LoggerFactory.getLogger(UnusableValues.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private record Key(String deviceId, Reason reason) {
    }

    /** One key's log window: when it last logged, and how many it has not logged since. */
    private record Window(long loggedAtNanos, long unlogged, boolean logNow, long unloggedBefore) {
    }

    private final Counter counter;
    /** Bounded by the configured devices times the four reasons. */
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    public UnusableValues(Counter counter) {
        this.counter = counter;
    }

    void report(String deviceId, String resource, Unusable u) {
        total.increment();
        counter.count(deviceId, u.reason().label());
        long now = System.nanoTime();
        Window w = windows.compute(new Key(deviceId, u.reason()), (k, old) -> old == null || now - old.loggedAtNanos() >= LOG_EVERY_NANOS
                ? new Window(now, 0, true, old == null ? 0 : old.unlogged())
                : new Window(old.loggedAtNanos(), old.unlogged() + 1, false, 0));
        if (w.logNow()) {
            LOG.warn("{} {}: value {} is not a usable number ({}); kept as a BAD reading, counted{}", deviceId, resource, u.detail(),
                    u.reason().label(), w.unloggedBefore() > 0 ? "; " + w.unloggedBefore() + " more like it since the last log" : "");
        }
    }

    /** Unusable values reported so far, all devices and reasons. */
    public long total() {
        return total.sum();
    }
}
