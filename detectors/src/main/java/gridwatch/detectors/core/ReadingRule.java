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
}
