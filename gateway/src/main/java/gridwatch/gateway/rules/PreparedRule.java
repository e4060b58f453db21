package gridwatch.gateway.rules;

import gridwatch.detectors.core.ReadingRule;

/**
 * One rule of a prepared rule set: everything that can fail (parsing, limits, specs) is done; what is left cannot
 * fail and changes nothing until {@link #install()} runs.
 */
sealed interface PreparedRule {

    /** Puts the rule in effect and returns the instance that runs it. Assignments only. */
    ReadingRule install();

    /** A new instance, for a rule or device that was not running before. */
    record Fresh(ReadingRule rule) implements PreparedRule {
        @Override
        public ReadingRule install() {
            return rule;
        }
    }

    /** New thresholds for the instance that runs, so its windows and open alert survive the reload. */
    record Retune(ReadingRule running, Runnable retune) implements PreparedRule {
        @Override
        public ReadingRule install() {
            retune.run();
            return running;
        }
    }
}
