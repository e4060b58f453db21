package gridwatch.gateway.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** When each device last delivered a reading (wall clock), for health and staleness. Thread-safe. */
public final class DeviceActivity {

    public record Seen(Instant lastArrival, long readings) {
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    void record(String deviceId, Instant arrival) {
        seen.merge(deviceId, new Seen(arrival, 1), (old, x) -> new Seen(arrival, old.readings() + 1));
    }

    public Seen of(String deviceId) {
        return seen.get(deviceId);
    }
}
