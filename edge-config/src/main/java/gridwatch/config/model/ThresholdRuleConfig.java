package gridwatch.config.model;

import java.util.List;

/** A plain upper limit on one resource. */
public record ThresholdRuleConfig(
        String id,
        String alertType,
        List<String> devices,
        String resource,
        Double forSeconds,
        Double hysteresis,
        String severity,
        Double above) implements RuleConfig {

    public ThresholdRuleConfig {
        devices = List.copyOf(devices);
        forSeconds = forSeconds == null ? 0.0 : forSeconds;
        hysteresis = hysteresis == null ? 0.0 : hysteresis;
        severity = severity == null ? "yellow" : severity;
    }
}
