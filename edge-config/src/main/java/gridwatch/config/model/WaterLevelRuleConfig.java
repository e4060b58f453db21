package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** Flood watch (防汛) on a water-level gauge: warning and guarantee levels, rate of rise. */
public record WaterLevelRuleConfig(
        String id,
        String alertType,
        List<String> devices,
        String resource,
        Double forSeconds,
        Double hysteresis,
        String severity,
        Double warningLevel,
        Double guaranteeLevel,
        Double approachMargin,
        @Nullable Double riseRateCmPerHour,
        Integer rateWindowSeconds) implements RuleConfig {

    public WaterLevelRuleConfig(
            String id,
            String alertType,
            List<String> devices,
            String resource,
            @Nullable Double forSeconds,
            @Nullable Double hysteresis,
            @Nullable String severity,
            Double warningLevel,
            Double guaranteeLevel,
            @Nullable Double approachMargin,
            @Nullable Double riseRateCmPerHour,
            @Nullable Integer rateWindowSeconds) {
        this.id = id;
        this.alertType = alertType;
        this.devices = List.copyOf(devices);
        this.resource = resource;
        this.forSeconds = forSeconds == null ? 0.0 : forSeconds;
        this.hysteresis = hysteresis == null ? 0.05 : hysteresis;
        this.severity = severity == null ? "orange" : severity;
        this.warningLevel = warningLevel;
        this.guaranteeLevel = guaranteeLevel;
        this.approachMargin = approachMargin == null ? 0.3 : approachMargin;
        this.riseRateCmPerHour = riseRateCmPerHour;
        this.rateWindowSeconds = rateWindowSeconds == null ? 3600 : rateWindowSeconds;
    }
}
