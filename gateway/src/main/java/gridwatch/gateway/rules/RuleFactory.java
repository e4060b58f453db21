package gridwatch.gateway.rules;

import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.NoiseLimitRuleConfig;
import gridwatch.config.model.RuleConfig;
import gridwatch.config.model.ThresholdRuleConfig;
import gridwatch.config.model.WaterLevelRuleConfig;
import gridwatch.detectors.core.ReadingRule;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.flood.WaterLevelRule;
import gridwatch.detectors.flood.WaterLevelSpec;
import gridwatch.detectors.limit.DayNightLimit;
import gridwatch.detectors.limit.Limit;
import gridwatch.detectors.limit.LimitRule;
import gridwatch.detectors.limit.LimitSpec;
import gridwatch.detectors.limit.NoiseLimit;
import gridwatch.detectors.noise.NoiseRule;
import gridwatch.detectors.noise.NoiseSpec;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.LocalTime;

/**
 * Prepares a rule from its config: a new instance, or new thresholds for the instance that already runs (so its
 * windows and open alert survive a reload). Preparing changes no running rule; anything wrong with the config
 * throws here, before the rule set is installed.
 */
final class RuleFactory {

    private RuleFactory() {
    }

    static PreparedRule prepare(RuleConfig rc, @Nullable ReadingRule existing, String deviceId, @Nullable String zoneId, EdgeConfig config) {
        Severity severity = Severity.fromWire(rc.severity());
        Duration hold = Duration.ofMillis((long) (rc.forSeconds() * 1000));
        return switch (rc) {
            case NoiseLimitRuleConfig n -> {
                double day = n.dayLimitDb() != null ? n.dayLimitDb() : byClass(n).dayDb();
                double night = n.nightLimitDb() != null ? n.nightLimitDb() : byClass(n).nightDb();
                DayNightLimit limit = new DayNightLimit(day, night, LocalTime.parse(n.dayStarts()), LocalTime.parse(n.nightStarts()),
                        config.site().zoneId());
                NoiseSpec spec = new NoiseSpec(n.id(), n.alertType(), limit, Duration.ofSeconds(n.windowSeconds()), hold,
                        n.hysteresis(), n.lmaxMarginDb(), severity);
                yield existing instanceof NoiseRule running
                        ? new PreparedRule.Retune(running, () -> running.reconfigure(spec))
                        : new PreparedRule.Fresh(new NoiseRule(spec, deviceId, zoneId));
            }
            case WaterLevelRuleConfig w -> {
                WaterLevelSpec spec = new WaterLevelSpec(w.id(), w.alertType(), w.resource(), w.warningLevel(), w.guaranteeLevel(),
                        w.approachMargin(), w.riseRateCmPerHour(), Duration.ofSeconds(w.rateWindowSeconds()), w.hysteresis());
                yield existing instanceof WaterLevelRule running
                        ? new PreparedRule.Retune(running, () -> running.reconfigure(spec))
                        : new PreparedRule.Fresh(new WaterLevelRule(spec, deviceId, zoneId));
            }
            case ThresholdRuleConfig t -> {
                LimitSpec spec = new LimitSpec(t.id(), t.alertType(), t.resource(), Limit.constant(t.above()), hold,
                        t.hysteresis(), severity);
                yield existing instanceof LimitRule running
                        ? new PreparedRule.Retune(running, () -> running.reconfigure(spec))
                        : new PreparedRule.Fresh(new LimitRule(spec, deviceId, zoneId));
            }
        };
    }

    /** The limits of the rule's area class; the schema requires one wherever an explicit limit is left out. */
    private static NoiseLimit byClass(NoiseLimitRuleConfig n) {
        if (n.areaClass() == null) {
            throw new IllegalArgumentException("rule " + n.id() + ": needs areaClass, or both dayLimitDb and nightLimitDb");
        }
        return NoiseLimit.forAreaClass(n.areaClass());
    }
}
