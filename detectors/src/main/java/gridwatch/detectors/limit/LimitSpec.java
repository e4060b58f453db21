package gridwatch.detectors.limit;

import gridwatch.detectors.core.Severity;

import java.time.Duration;

/** The thresholds of one limit rule; replaced whole when the operator edits the config. */
public record LimitSpec(
        String ruleId,
        String alertType,
        String resource,
        Limit limit,
        Duration holdFor,
        double hysteresis,
        Severity severity) {
}
