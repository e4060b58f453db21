package gridwatch.gateway.rules;

import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.NoiseLimitRuleConfig;
import gridwatch.config.model.RuleConfig;
import gridwatch.config.model.ThresholdRuleConfig;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.limit.DayNightLimit;
import gridwatch.detectors.limit.Limit;
import gridwatch.detectors.limit.LimitSpec;
import gridwatch.detectors.limit.NoiseLimit;

import java.time.Duration;
import java.time.LocalTime;

/** Turns a rule's config into the thresholds the detector library understands. */
final class LimitSpecs {

    private LimitSpecs() {
    }

    static LimitSpec of(RuleConfig rc, EdgeConfig config) {
        Limit limit = switch (rc) {
            case NoiseLimitRuleConfig n -> {
                NoiseLimit byClass = n.areaClass() == null ? null : NoiseLimit.forAreaClass(n.areaClass());
                double day = n.dayLimitDb() != null ? n.dayLimitDb() : byClass.dayDb();
                double night = n.nightLimitDb() != null ? n.nightLimitDb() : byClass.nightDb();
                yield new DayNightLimit(day, night, LocalTime.parse(n.dayStarts()), LocalTime.parse(n.nightStarts()),
                        config.site().zoneId());
            }
            case ThresholdRuleConfig t -> Limit.constant(t.above());
        };
        return new LimitSpec(rc.id(), rc.alertType(), rc.resource(), limit,
                Duration.ofMillis((long) (rc.forSeconds() * 1000)), rc.hysteresis(), Severity.fromWire(rc.severity()));
    }
}
