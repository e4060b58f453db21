package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * How often an open alert may be updated, how long after an end the same key stays quiet, and how long an incident
 * open at a restart may wait to be confirmed before the gateway ends it.
 */
public record AlertPolicyConfig(Integer updateIntervalSeconds, Integer cooldownSeconds, Integer restartTimeoutSeconds) {

    public AlertPolicyConfig(@Nullable Integer updateIntervalSeconds, @Nullable Integer cooldownSeconds,
                             @Nullable Integer restartTimeoutSeconds) {
        this.updateIntervalSeconds = updateIntervalSeconds == null ? 60 : updateIntervalSeconds;
        this.cooldownSeconds = cooldownSeconds == null ? 300 : cooldownSeconds;
        this.restartTimeoutSeconds = restartTimeoutSeconds == null ? 1800 : restartTimeoutSeconds;
    }

    public AlertPolicyConfig(@Nullable Integer updateIntervalSeconds, @Nullable Integer cooldownSeconds) {
        this(updateIntervalSeconds, cooldownSeconds, null);
    }

    public Duration updateInterval() {
        return Duration.ofSeconds(updateIntervalSeconds);
    }

    public Duration cooldown() {
        return Duration.ofSeconds(cooldownSeconds);
    }

    /** An incident open when the gateway stopped that nothing confirms within this of its last sign of life is ended. */
    public Duration restartTimeout() {
        return Duration.ofSeconds(restartTimeoutSeconds);
    }
}
