package gridwatch.config.model;

import java.time.Duration;

/** How often an open alert may be updated, and how long after an end the same key stays quiet. */
public record AlertPolicyConfig(Integer updateIntervalSeconds, Integer cooldownSeconds) {

    public AlertPolicyConfig {
        updateIntervalSeconds = updateIntervalSeconds == null ? 60 : updateIntervalSeconds;
        cooldownSeconds = cooldownSeconds == null ? 300 : cooldownSeconds;
    }

    public Duration updateInterval() {
        return Duration.ofSeconds(updateIntervalSeconds);
    }

    public Duration cooldown() {
        return Duration.ofSeconds(cooldownSeconds);
    }
}
