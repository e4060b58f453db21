package gridwatch.gateway.rules;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.RuleConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Reading;
import gridwatch.detectors.core.ReadingRule;

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

    private Map<Key, ReadingRule> rules = Map.of();
    private Map<String, List<ReadingRule>> byDevice = Map.of();

    public RuleEngine(EdgeConfig config) {
        reconfigure(config);
    }

    public void reconfigure(EdgeConfig config) {
        Map<Key, ReadingRule> next = new LinkedHashMap<>();
        Map<String, List<ReadingRule>> nextByDevice = new HashMap<>();
        for (RuleConfig rc : config.rules()) {
            for (String deviceId : rc.devices()) {
                Key key = new Key(rc.id(), deviceId);
                String zone = config.device(deviceId).map(DeviceConfig::zone).orElse(null);
                ReadingRule rule = RuleFactory.createOrUpdate(rc, rules.get(key), deviceId, zone, config);
                next.put(key, rule);
                nextByDevice.computeIfAbsent(deviceId, d -> new ArrayList<>()).add(rule);
            }
        }
        rules = next;
        byDevice = nextByDevice;
    }

    /** Findings for this reading, from every rule watching its device. */
    public List<Finding> evaluate(Reading r) {
        List<ReadingRule> forDevice = byDevice.get(r.deviceId());
        if (forDevice == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>(1);
        for (ReadingRule rule : forDevice) {
            Optional<Finding> f = rule.evaluate(r);
            f.ifPresent(out::add);
        }
        return out;
    }

    public int size() {
        return rules.size();
    }
}
