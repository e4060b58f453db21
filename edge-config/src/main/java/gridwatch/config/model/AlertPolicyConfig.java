package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/** How often an open alert may be updated, and how long after an end the same key stays quiet. */
public record AlertPolicyConfig(Integer updateIntervalSeconds, Integer cooldownSeconds) {

    public AlertPolicyConfig(@Nullable Integer updateIntervalSeconds, @Nullable Integer cooldownSeconds) {
        this.updateIntervalSeconds = updateIntervalSeconds == null ? 60 : updateIntervalSeconds;
        this.cooldownSeconds = cooldownSeconds == null ? 300 : cooldownSeconds;
    }

    public Duration updateInterval() {
        return Duration.ofSeconds(updateIntervalSeconds);
    }

    public Duration cooldown() {
        return Duration.ofSeconds(cooldownSeconds);
    }
}
