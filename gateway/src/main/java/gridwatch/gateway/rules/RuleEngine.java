package gridwatch.gateway.rules;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.RuleConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Reading;
import gridwatch.detectors.limit.LimitRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds one rule instance per (rule, device) and routes each reading to the rules of its
 * device. On reconfigure, instances whose rule and device survive keep their state and take
 * the new thresholds; new ones start fresh; removed ones are dropped.
 * Pipeline thread only.
 */
public final class RuleEngine {

    private record Key(String ruleId, String deviceId) {
    }

    private Map<Key, LimitRule> rules = Map.of();
    private Map<String, List<LimitRule>> byDevice = Map.of();

    public RuleEngine(EdgeConfig config) {
        reconfigure(config);
    }

    public void reconfigure(EdgeConfig config) {
        Map<Key, LimitRule> next = new LinkedHashMap<>();
        Map<String, List<LimitRule>> nextByDevice = new HashMap<>();
        for (RuleConfig rc : config.rules()) {
            var spec = LimitSpecs.of(rc, config);
            for (String deviceId : rc.devices()) {
                Key key = new Key(rc.id(), deviceId);
                LimitRule rule = rules.get(key);
                if (rule != null) {
                    rule.reconfigure(spec);
                } else {
                    String zone = config.device(deviceId).map(DeviceConfig::zone).orElse(null);
                    rule = new LimitRule(spec, deviceId, zone);
                }
                next.put(key, rule);
                nextByDevice.computeIfAbsent(deviceId, d -> new ArrayList<>()).add(rule);
            }
        }
        rules = next;
        byDevice = nextByDevice;
    }

    /** Findings for this reading, from every rule watching its device. */
    public List<Finding> evaluate(Reading r) {
        List<LimitRule> forDevice = byDevice.get(r.deviceId());
        if (forDevice == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>(1);
        for (LimitRule rule : forDevice) {
            Optional<Finding> f = rule.evaluate(r);
            f.ifPresent(out::add);
        }
        return out;
    }

    public int size() {
        return rules.size();
    }
}
