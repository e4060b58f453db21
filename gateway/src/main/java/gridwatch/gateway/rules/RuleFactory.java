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

import java.time.Duration;
import java.time.LocalTime;

/**
 * Builds a rule instance from its config, or hands new thresholds to the instance that already
 * runs (so its windows and open alert survive a reload).
 */
final class RuleFactory {

    private RuleFactory() {
    }

    static ReadingRule createOrUpdate(RuleConfig rc, ReadingRule existing, String deviceId, String zoneId, EdgeConfig config) {
        Severity severity = Severity.fromWire(rc.severity());
        Duration hold = Duration.ofMillis((long) (rc.forSeconds() * 1000));
        return switch (rc) {
            case NoiseLimitRuleConfig n -> {
                NoiseLimit byClass = n.areaClass() == null ? null : NoiseLimit.forAreaClass(n.areaClass());
                double day = n.dayLimitDb() != null ? n.dayLimitDb() : byClass.dayDb();
                double night = n.nightLimitDb() != null ? n.nightLimitDb() : byClass.nightDb();
                DayNightLimit limit = new DayNightLimit(day, night, LocalTime.parse(n.dayStarts()), LocalTime.parse(n.nightStarts()),
                        config.site().zoneId());
                NoiseSpec spec = new NoiseSpec(n.id(), n.alertType(), limit, Duration.ofSeconds(n.windowSeconds()), hold,
                        n.hysteresis(), n.lmaxMarginDb(), severity);
                if (existing instanceof NoiseRule running) {
                    running.reconfigure(spec);
                    yield running;
                }
                yield new NoiseRule(spec, deviceId, zoneId);
            }
            case WaterLevelRuleConfig w -> {
                WaterLevelSpec spec = new WaterLevelSpec(w.id(), w.alertType(), w.resource(), w.warningLevel(), w.guaranteeLevel(),
                        w.approachMargin(), w.riseRateCmPerHour(), Duration.ofSeconds(w.rateWindowSeconds()), w.hysteresis());
                if (existing instanceof WaterLevelRule running) {
                    running.reconfigure(spec);
                    yield running;
                }
                yield new WaterLevelRule(spec, deviceId, zoneId);
            }
            case ThresholdRuleConfig t -> {
                LimitSpec spec = new LimitSpec(t.id(), t.alertType(), t.resource(), Limit.constant(t.above()), hold,
                        t.hysteresis(), severity);
                if (existing instanceof LimitRule running) {
                    running.reconfigure(spec);
                    yield running;
                }
                yield new LimitRule(spec, deviceId, zoneId);
            }
        };
    }
}
