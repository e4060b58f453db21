package gridwatch.gateway.pipeline;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.alert.AlertFactory;
import gridwatch.gateway.pipeline.PipelineInput.Reconfigure;
import gridwatch.gateway.rules.RuleEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The reloadable config the pipeline runs on: the rule set, the alert config that goes with it (categories, device
 * and zone details) and the incident policy. A reload builds the complete new rule set and alert config off to the
 * side and swaps them in one step; when any part cannot be built nothing changes, and the reload is refused. No
 * reading or finding is handled in between, so none sees part of a change. Pipeline thread only.
 */
final class AppliedConfig {

    private static final Logger LOG = LoggerFactory.getLogger(AppliedConfig.class);

    private final RuleEngine rules;
    private final AlertProducer producer;
    private AlertFactory factory;

    AppliedConfig(RuleEngine rules, AlertFactory factory, AlertProducer producer) {
        this.rules = rules;
        this.factory = factory;
        this.producer = producer;
    }

    List<Finding> evaluate(Reading r) {
        return rules.evaluate(r);
    }

    /** The alert config in effect, to dress the findings made now. */
    AlertFactory factory() {
        return factory;
    }

    /** Completes {@code r.done()} here, on the pipeline thread: normally once in effect, exceptionally when refused. */
    void apply(Reconfigure r) {
        RuleEngine.Plan plan;
        AlertFactory next;
        try {
            plan = rules.prepare(r.config());
            next = factory.withConfig(r.config());
        } catch (RuntimeException e) {
            LOG.error("config reload refused: {}; every rule, threshold, category and the alert policy stay as they were", e.getMessage());
            r.done().completeExceptionally(e);
            return;
        }
        // From here on only assignments: the swap cannot stop half-way.
        rules.install(plan);
        factory = next;
        producer.reconfigure(r.config().alerts());
        r.done().complete(null);
    }
}
