package gridwatch.gateway.pipeline;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each device last delivered a reading (wall clock), for health and staleness. Written on
 * the pipeline thread for every reading, so it updates a per-device holder in place rather than
 * allocating; read from any thread.
 */
public final class DeviceActivity {

    public record Seen(Instant lastArrival, long readings) {
    }

    private static final class Tracker {
        volatile long lastMillis;
        volatile long readings;
    }

    private final Map<String, Tracker> seen = new ConcurrentHashMap<>();

    /** Called by one thread per device: the pipeline thread for readings, a camera's own thread for frames. */
    public void record(String deviceId, long arrivalMillis) {
        Tracker t = seen.computeIfAbsent(deviceId, d -> new Tracker());
        t.lastMillis = arrivalMillis;
        t.readings = t.readings + 1; // single writer per device
    }

    /** Null when the device has delivered nothing yet. */
    public @Nullable Seen of(String deviceId) {
        Tracker t = seen.get(deviceId);
        return t == null ? null : new Seen(Instant.ofEpochMilli(t.lastMillis), t.readings);
    }
}
