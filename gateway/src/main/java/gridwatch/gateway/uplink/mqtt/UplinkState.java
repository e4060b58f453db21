package gridwatch.gateway.uplink.mqtt;

import java.time.Instant;

/** What the uplink is doing, for /health. */
public record UplinkState(Phase phase, String broker, Instant since, String lastError, long connects) {

    public enum Phase {
        CONNECTING,
        CONNECTED,
        CLOSED
    }
}
