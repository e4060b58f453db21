package gridwatch.detectors.core;

import java.util.Optional;

/**
 * A rule over a stream of readings from one device resource. Stateful; one instance per
 * (rule, device). Called from a single thread, so implementations need no locking.
 */
public interface ReadingRule {

    String ruleId();

    /** A finding when the rule has something to say about this reading. */
    Optional<Finding> evaluate(Reading reading);

    /**
     * Takes back the finding this rule had active when the gateway stopped (its incident survived the restart): the
     * rule is active again at {@code severity} since {@code since}, so its next reading continues the finding or
     * clears it, with no new hold. Called before the first reading. Returns false when the rule cannot (it then starts
     * afresh, and its incident waits to be confirmed); by default it cannot.
     */
    default boolean resume(Severity severity, java.time.Instant since) {
        return false;
    }
}
