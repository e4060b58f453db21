package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

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

    public ThresholdRuleConfig(
            String id,
            String alertType,
            List<String> devices,
            String resource,
            @Nullable Double forSeconds,
            @Nullable Double hysteresis,
            @Nullable String severity,
            Double above) {
        this.id = id;
        this.alertType = alertType;
        this.devices = List.copyOf(devices);
        this.resource = resource;
        this.forSeconds = forSeconds == null ? 0.0 : forSeconds;
        this.hysteresis = hysteresis == null ? 0.0 : hysteresis;
        this.severity = severity == null ? "yellow" : severity;
        this.above = above;
    }
}
