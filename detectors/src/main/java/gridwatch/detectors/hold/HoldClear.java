package gridwatch.detectors.hold;

import gridwatch.detectors.core.Severity;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;

/**
 * The hold/clear state machine: becomes active when a condition has held for {@link Hold#on()} (and
 * {@link Hold#stepsOn()} steps in a row), and clears when it has been false for {@link Hold#off()} (and
 * {@link Hold#stepsOff()} steps). Every rule feeds it its own condition, so value hysteresis stays in the rule: a
 * limit rule asks "over the limit" while inactive and "not yet under limit − hysteresis" while active.
 *
 * <p>Time is the caller's (a reading's or frame's observed time). A step timed before an earlier one counts as
 * happening at the latest time seen: the condition still counts, but no hold runs backwards. A gap between steps
 * does not break a hold: the condition is taken to have held from one step to the next, as the rules always did.
 * While it waits to clear, the severity stays what it was. Not thread-safe: one owner (a rule instance).
 */
public final class HoldClear {

    private Hold hold;
    private boolean active;
    private Severity severity = Severity.BLUE;
    private @Nullable Instant latest;
    /** The first step of the current run of the condition, inactive; of the run that started it, active. */
    private @Nullable Instant onset;
    /** Active: the first step of the current run without the condition, or null. */
    private @Nullable Instant clearSince;
    /** Steps in a row of the run being timed (the condition while inactive, its absence while active). */
    private int run;

    public HoldClear(Hold hold) {
        this.hold = hold;
    }

    /** New hold times; state (active, the run being timed) carries over. */
    public void reconfigure(Hold next) {
        this.hold = next;
    }

    public Transition step(boolean condition, Severity stepSeverity, Instant at) {
        Instant t = latest != null && at.isBefore(latest) ? latest : at;
        latest = t;
        return active ? whileActive(condition, stepSeverity, t) : whileInactive(condition, stepSeverity, t);
    }

    /**
     * The condition holds so plainly that no hold applies (a night noise peak far over the limit): active now, or
     * still. The onset is the start of a run already being timed, else this step.
     */
    public Transition stepAtOnce(Severity stepSeverity, Instant at) {
        Instant t = latest != null && at.isBefore(latest) ? latest : at;
        latest = t;
        if (active) {
            return whileActive(true, stepSeverity, t);
        }
        if (onset == null) {
            onset = t;
        }
        return start(stepSeverity);
    }

    /**
     * Active since {@code onset} at {@code stepSeverity}, as a gateway restart found an incident this machine had
     * started: the next steps continue or clear it as if the machine had never stopped (the clear hold runs from the
     * first step without the condition). Does nothing when already active.
     */
    public void resume(Severity stepSeverity, Instant onset) {
        if (active) {
            return;
        }
        active = true;
        severity = stepSeverity;
        this.onset = onset;
        clearSince = null;
        run = 0;
    }

    private Transition whileInactive(boolean condition, Severity stepSeverity, Instant t) {
        if (!condition) {
            onset = null;
            run = 0;
            return Transition.QUIET;
        }
        if (onset == null) {
            onset = t;
        }
        run++;
        if (!reached(onset, t, hold.on(), hold.stepsOn())) {
            return Transition.QUIET;
        }
        return start(stepSeverity);
    }

    private Transition start(Severity stepSeverity) {
        Instant since = onset;
        if (since == null) {
            throw new IllegalStateException("started without an onset");
        }
        active = true;
        severity = stepSeverity;
        clearSince = null;
        run = 0;
        return new Transition.Started(stepSeverity, since);
    }

    private Transition whileActive(boolean condition, Severity stepSeverity, Instant t) {
        Instant since = onset == null ? t : onset;
        if (condition) {
            clearSince = null;
            run = 0;
            Severity previous = severity;
            severity = stepSeverity;
            return new Transition.Continues(stepSeverity, previous, since);
        }
        if (clearSince == null) {
            clearSince = t;
        }
        run++;
        if (!reached(clearSince, t, hold.off(), hold.stepsOff())) {
            return new Transition.Continues(severity, severity, since);
        }
        active = false;
        onset = null;
        clearSince = null;
        run = 0;
        return new Transition.Cleared(severity, since);
    }

    private boolean reached(Instant from, Instant t, Duration time, int steps) {
        return run >= steps && Duration.between(from, t).compareTo(time) >= 0;
    }

    public boolean active() {
        return active;
    }

    /** The severity while active, else null. */
    public @Nullable Severity severity() {
        return active ? severity : null;
    }

    /** The first step of the run being timed (inactive) or of the run that started it (active); null when none. */
    public @Nullable Instant onset() {
        return onset;
    }
}
