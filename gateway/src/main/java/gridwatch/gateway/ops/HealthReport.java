package gridwatch.gateway.ops;

import java.util.Map;

/**
 * The gateway's health: {@code UP}, {@code DEGRADED} (working, but e.g. the broker is away and
 * alerts are buffering), or {@code DOWN} (alerts can no longer be stored safely).
 *
 * @param components per component: uplink, outbox, and each device
 */
public record HealthReport(String status, boolean live, boolean ready, Map<String, Object> components) {

    public int httpStatus() {
        return "DOWN".equals(status) ? 503 : 200;
    }
}
