package gridwatch.detectors.hold;

import gridwatch.detectors.core.Severity;

import java.time.Instant;

/** What one step of a {@link HoldClear} did. */
public sealed interface Transition {

    Quiet QUIET = new Quiet();

    /** Not active, and still not: nothing to report (the condition may be on its way to holding). */
    record Quiet() implements Transition {
    }

    /**
     * Became active at this step.
     *
     * @param onset the first step of the run of the condition that made it active
     */
    record Started(Severity severity, Instant onset) implements Transition {
    }

    /** Active before and after this step; {@code severity} may differ from {@code previous}. */
    record Continues(Severity severity, Severity previous, Instant onset) implements Transition {
        public boolean severityChanged() {
            return severity != previous;
        }
    }

    /** Active before this step and cleared by it; {@code severity} is the one it had. */
    record Cleared(Severity severity, Instant onset) implements Transition {
    }

    /** Active after this step (started or continuing). */
    default boolean active() {
        return this instanceof Started || this instanceof Continues;
    }
}
