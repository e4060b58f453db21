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

    public NoiseLimitRuleConfig(
            String id,
            String alertType,
            List<String> devices,
            String resource,
            @Nullable Double forSeconds,
            @Nullable Double hysteresis,
            @Nullable String severity,
            @Nullable String areaClass,
            @Nullable Double dayLimitDb,
            @Nullable Double nightLimitDb,
            @Nullable String dayStarts,
            @Nullable String nightStarts,
            @Nullable Integer windowSeconds,
            @Nullable Double lmaxMarginDb) {
        this.id = id;
        this.alertType = alertType;
        this.devices = List.copyOf(devices);
        this.resource = resource;
        this.forSeconds = forSeconds == null ? 0.0 : forSeconds;
        this.hysteresis = hysteresis == null ? 0.0 : hysteresis;
        this.severity = severity == null ? "yellow" : severity;
        this.areaClass = areaClass;
        this.dayLimitDb = dayLimitDb;
        this.nightLimitDb = nightLimitDb;
        this.dayStarts = dayStarts == null ? "06:00" : dayStarts;
        this.nightStarts = nightStarts == null ? "22:00" : nightStarts;
        this.windowSeconds = windowSeconds == null ? 60 : windowSeconds;
        this.lmaxMarginDb = lmaxMarginDb == null ? 15.0 : lmaxMarginDb;
    }
}
