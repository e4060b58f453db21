package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Noise over a day/night limit: from a GB 3096-2008 area class, the GB 12523 construction-site
 * boundary limit, or explicit dB(A) values that override the class.
 */
public record NoiseLimitRuleConfig(
        String id,
        String alertType,
        List<String> devices,
        String resource,
        Double forSeconds,
        Double hysteresis,
        String severity,
        @Nullable String areaClass,
        @Nullable Double dayLimitDb,
        @Nullable Double nightLimitDb,
        String dayStarts,
        String nightStarts,
        Integer windowSeconds,
        Double lmaxMarginDb) implements RuleConfig {

    public NoiseLimitRuleConfig {
        devices = List.copyOf(devices);
        forSeconds = forSeconds == null ? 0.0 : forSeconds;
        hysteresis = hysteresis == null ? 0.0 : hysteresis;
        severity = severity == null ? "yellow" : severity;
        dayStarts = dayStarts == null ? "06:00" : dayStarts;
        nightStarts = nightStarts == null ? "22:00" : nightStarts;
        windowSeconds = windowSeconds == null ? 60 : windowSeconds;
        lmaxMarginDb = lmaxMarginDb == null ? 15.0 : lmaxMarginDb;
    }
}
