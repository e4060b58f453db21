package gridwatch.gateway.rules;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.RuleConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Reading;
import gridwatch.detectors.core.ReadingRule;
import gridwatch.detectors.core.Severity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds one rule instance per (rule, device) and routes each reading to the rules of its device. A reload is two
 * steps: {@link #prepare} builds the complete new rule set off to the side (instances whose rule and device survive
 * will keep their state and take the new thresholds; new ones start fresh; removed ones are dropped) and throws,
 * having changed nothing, when any rule cannot be built; {@link #install} then puts it in effect at once, with
 * assignments only. So a reload takes effect whole or not at all, never with some rules on new thresholds and
 * others on old. Pipeline thread only.
 */
public final class RuleEngine {

    private record Key(String ruleId, String deviceId) {
    }

    /** What a rule instance's findings are keyed on besides rule and device: its alert type and the device's zone. */
    private record Watch(String alertType, @Nullable String zone) {
    }

    /** A complete rule set, prepared against the rules running when it was made, not yet in effect. */
    public static final class Plan {

        private final long basis;
        private final Map<Key, PreparedRule> rules;
        private final Map<Key, Watch> watches;

        private Plan(long basis, Map<Key, PreparedRule> rules, Map<Key, Watch> watches) {
            this.basis = basis;
            this.rules = rules;
            this.watches = watches;
        }
    }

    private Map<Key, ReadingRule> rules = Map.of();
    private Map<Key, Watch> watches = Map.of();
    private Map<String, List<ReadingRule>> byDevice = Map.of();
    /** Counts installs, so a plan prepared against older rules is refused rather than half-applied. */
    private long generation;

    public RuleEngine(EdgeConfig config) {
        install(prepare(config));
    }

    /** Builds every rule of {@code config}; throws, changing nothing, when one cannot be built. */
    public Plan prepare(EdgeConfig config) {
        Map<Key, PreparedRule> next = new LinkedHashMap<>();
        Map<Key, Watch> nextWatches = new HashMap<>();
        for (RuleConfig rc : config.rules()) {
            for (String deviceId : rc.devices()) {
                Key key = new Key(rc.id(), deviceId);
                String zone = config.device(deviceId).map(DeviceConfig::zone).orElse(null);
                nextWatches.put(key, new Watch(rc.alertType(), zone));
                try {
                    next.put(key, RuleFactory.prepare(rc, rules.get(key), deviceId, zone, config));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("rule " + rc.id() + " on " + deviceId + ": " + e.getMessage(), e);
                }
            }
        }
        return new Plan(generation, next, Map.copyOf(nextWatches));
    }

    /** Puts a plan from {@link #prepare} in effect, whole. Cannot fail half-way: only assignments remain. */
    public void install(Plan plan) {
        if (plan.basis != generation) {
            throw new IllegalStateException("rule plan prepared against rules that have changed since");
        }
        Map<Key, ReadingRule> next = new LinkedHashMap<>();
        Map<String, List<ReadingRule>> nextByDevice = new HashMap<>();
        plan.rules.forEach((key, prepared) -> {
            ReadingRule rule = prepared.install();
            next.put(key, rule);
            nextByDevice.computeIfAbsent(key.deviceId(), d -> new ArrayList<>()).add(rule);
        });
        rules = next;
        watches = plan.watches;
        byDevice = nextByDevice;
        generation++;
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

    /**
     * Hands the rule instance of (rule, device) back the finding it had active when the gateway stopped, when that
     * instance still raises the same alert type in the same zone (else its findings would be another incident). Before
     * the first reading, on the thread that assembles the gateway. Returns whether a rule took it back.
     */
    public boolean resume(String ruleId, String deviceId, String alertType, @Nullable String zoneId, Severity severity, Instant since) {
        Key key = new Key(ruleId, deviceId);
        ReadingRule rule = rules.get(key);
        Watch watch = watches.get(key);
        if (rule == null || watch == null || !watch.alertType().equals(alertType) || !Objects.equals(watch.zone(), zoneId)) {
            return false;
        }
        return rule.resume(severity, since);
    }

    public int size() {
        return rules.size();
    }
}
