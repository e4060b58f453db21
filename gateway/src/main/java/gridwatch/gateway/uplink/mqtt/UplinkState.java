package gridwatch.gateway.uplink.mqtt;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** What the uplink is doing, for /health. */
public record UplinkState(Phase phase, String broker, Instant since, @Nullable String lastError, long connects) {

    public enum Phase {
        CONNECTING,
        CONNECTED,
        CLOSED
    }
}
