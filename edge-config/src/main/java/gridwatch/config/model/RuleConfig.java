package gridwatch.config.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/** A rule instance: what it watches, what it raises, and its thresholds. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NoiseLimitRuleConfig.class, name = "noise-limit"),
    @JsonSubTypes.Type(value = ThresholdRuleConfig.class, name = "threshold"),
    @JsonSubTypes.Type(value = WaterLevelRuleConfig.class, name = "water-level")
})
public sealed interface RuleConfig permits NoiseLimitRuleConfig, ThresholdRuleConfig, WaterLevelRuleConfig {

    String id();

    String alertType();

    List<String> devices();

    String resource();

    Double forSeconds();

    Double hysteresis();

    String severity();
}
