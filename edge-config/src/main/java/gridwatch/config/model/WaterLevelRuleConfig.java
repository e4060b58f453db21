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

    public WaterLevelRuleConfig {
        devices = List.copyOf(devices);
        forSeconds = forSeconds == null ? 0.0 : forSeconds;
        hysteresis = hysteresis == null ? 0.05 : hysteresis;
        severity = severity == null ? "orange" : severity;
        approachMargin = approachMargin == null ? 0.3 : approachMargin;
        rateWindowSeconds = rateWindowSeconds == null ? 3600 : rateWindowSeconds;
    }
}
