package gridwatch.detectors.hold;

import gridwatch.detectors.core.Severity;
import gridwatch.detectors.hold.Transition.Cleared;
import gridwatch.detectors.hold.Transition.Continues;
import gridwatch.detectors.hold.Transition.Started;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static gridwatch.detectors.core.Severity.ORANGE;
import static gridwatch.detectors.core.Severity.RED;
import static gridwatch.detectors.core.Severity.YELLOW;
import static org.assertj.core.api.Assertions.assertThat;

class HoldClearTest {

    private static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");
    private final HoldClear machine = new HoldClear(Hold.of(Duration.ofSeconds(10), Duration.ofSeconds(20)));

    private Transition at(int second, boolean condition) {
        return at(second, condition, ORANGE);
    }

    private Transition at(int second, boolean condition, Severity s) {
        return machine.step(condition, s, T0.plusSeconds(second));
    }

    /** Drives it active at second 10 (onset 0). */
    private void activate() {
        at(0, true);
        assertThat(at(10, true)).isInstanceOf(Started.class);
    }

    @Test
    void holdNotReachedStaysQuiet() {
        assertThat(at(0, true)).isEqualTo(Transition.QUIET);
        assertThat(at(9, true)).isEqualTo(Transition.QUIET);
        assertThat(machine.active()).isFalse();
        assertThat(machine.onset()).isEqualTo(T0);
    }

    @Test
    void startsWhenTheHoldIsReachedWithTheOnsetOfItsRun() {
        at(0, true);
        assertThat(at(10, true)).isEqualTo(new Started(ORANGE, T0));
        assertThat(machine.active()).isTrue();
    }

    @Test
    void aFalseStepRestartsTheHold() {
        at(0, true);
        at(9, true);
        assertThat(at(10, false)).isEqualTo(Transition.QUIET);
        assertThat(machine.onset()).isNull();
        assertThat(at(15, true)).isEqualTo(Transition.QUIET);
        assertThat(at(24, true)).isEqualTo(Transition.QUIET);
        assertThat(at(25, true)).isEqualTo(new Started(ORANGE, T0.plusSeconds(15)));
    }

    @Test
    void aZeroHoldStartsAndClearsAtOnce() {
        HoldClear now = new HoldClear(Hold.none());
        assertThat(now.step(true, RED, T0)).isEqualTo(new Started(RED, T0));
        assertThat(now.step(false, RED, T0.plusSeconds(1))).isEqualTo(new Cleared(RED, T0));
    }

    @Test
    void flappingFasterThanTheHoldNeverStarts() {
        for (int s = 0; s < 300; s += 5) {
            assertThat(at(s, (s / 5) % 2 == 0)).as("second %d", s).isEqualTo(Transition.QUIET);
        }
        assertThat(machine.active()).isFalse();
    }

    @Test
    void flappingFasterThanTheClearHoldNeverClears() {
        activate();
        for (int s = 15; s < 300; s += 15) {
            Transition t = at(s, (s / 15) % 2 == 0);
            assertThat(t).as("second %d", s).isInstanceOf(Continues.class);
        }
        assertThat(machine.active()).isTrue();
    }

    @Test
    void clearsAfterTheClearHoldWithTheSeverityItHad() {
        activate();
        at(11, true, RED);
        assertThat(at(12, false, YELLOW)).as("waiting to clear: the severity stays").isEqualTo(new Continues(RED, RED, T0));
        assertThat(at(31, false)).isInstanceOf(Continues.class);
        assertThat(at(32, false)).isEqualTo(new Cleared(RED, T0));
        assertThat(machine.active()).isFalse();
        assertThat(at(33, false)).isEqualTo(Transition.QUIET);
    }

    @Test
    void aSeverityChangeWhileActiveIsReported() {
        activate();
        Transition t = at(11, true, RED);
        assertThat(t).isEqualTo(new Continues(RED, ORANGE, T0));
        assertThat(((Continues) t).severityChanged()).isTrue();
        assertThat(((Continues) at(12, true, RED)).severityChanged()).isFalse();
    }

    @Test
    void theConditionBackBeforeTheClearHoldKeepsItActiveAndRestartsTheClearHold() {
        activate();
        at(20, false);
        assertThat(at(39, true)).isInstanceOf(Continues.class);
        at(40, false);
        assertThat(at(59, false)).as("the clear hold restarted at 40").isInstanceOf(Continues.class);
        assertThat(at(60, false)).isInstanceOf(Cleared.class);
    }

    @Test
    void aClockGoingBackwardsRunsNoHoldBackwards() {
        at(100, true);
        assertThat(at(50, true)).as("taken as second 100").isEqualTo(Transition.QUIET);
        assertThat(machine.onset()).isEqualTo(T0.plusSeconds(100));
        assertThat(at(109, true)).isEqualTo(Transition.QUIET);
        assertThat(at(110, true)).isEqualTo(new Started(ORANGE, T0.plusSeconds(100)));
    }

    @Test
    void aStepBackInTimeStillCountsItsCondition() {
        at(100, true);
        assertThat(at(50, false)).isEqualTo(Transition.QUIET);
        assertThat(machine.onset()).as("the false step reset the hold").isNull();
        at(101, true);
        assertThat(at(110, true)).isEqualTo(Transition.QUIET);
        assertThat(at(111, true)).isInstanceOf(Started.class);
    }

    @Test
    void aGapDoesNotBreakAHold() {
        at(0, true);
        assertThat(at(600, true)).isEqualTo(new Started(ORANGE, T0));
        assertThat(at(601, false)).isInstanceOf(Continues.class);
        assertThat(at(3600, false)).as("cleared from the first clear step on").isEqualTo(new Cleared(ORANGE, T0));
    }

    @Test
    void stepsInARowHoldAndClearLikeTime() {
        HoldClear counted = new HoldClear(Hold.steps(3, 2));
        assertThat(counted.step(true, YELLOW, T0)).isEqualTo(Transition.QUIET);
        assertThat(counted.step(true, YELLOW, T0)).isEqualTo(Transition.QUIET);
        assertThat(counted.step(true, YELLOW, T0)).isEqualTo(new Started(YELLOW, T0));
        assertThat(counted.step(false, YELLOW, T0)).isInstanceOf(Continues.class);
        assertThat(counted.step(true, YELLOW, T0)).as("the run of clear steps broken").isInstanceOf(Continues.class);
        assertThat(counted.step(false, YELLOW, T0)).isInstanceOf(Continues.class);
        assertThat(counted.step(false, YELLOW, T0)).isEqualTo(new Cleared(YELLOW, T0));
    }

    @Test
    void timeAndStepsMustBothBeReached() {
        HoldClear both = new HoldClear(new Hold(Duration.ofSeconds(10), Duration.ZERO, 3, 1));
        assertThat(both.step(true, YELLOW, T0)).isEqualTo(Transition.QUIET);
        assertThat(both.step(true, YELLOW, T0.plusSeconds(60))).as("time reached, two steps").isEqualTo(Transition.QUIET);
        assertThat(both.step(true, YELLOW, T0.plusSeconds(61))).isInstanceOf(Started.class);
    }

    @Test
    void aReconfigureKeepsTheRunBeingTimed() {
        at(0, true);
        at(5, true);
        machine.reconfigure(Hold.of(Duration.ofSeconds(6), Duration.ZERO));
        assertThat(at(6, true)).isEqualTo(new Started(ORANGE, T0));
        assertThat(at(7, false)).isInstanceOf(Cleared.class);
    }

    @Test
    void atOnceStartsWithoutTheHoldAndKeepsTheOnsetOfARunBeingTimed() {
        at(0, true);
        assertThat(machine.stepAtOnce(RED, T0.plusSeconds(3))).isEqualTo(new Started(RED, T0));
        assertThat(machine.severity()).isEqualTo(RED);
        assertThat(machine.stepAtOnce(RED, T0.plusSeconds(4))).isEqualTo(new Continues(RED, RED, T0));
        HoldClear fresh = new HoldClear(Hold.of(Duration.ofHours(1), Duration.ZERO));
        assertThat(fresh.stepAtOnce(YELLOW, T0)).isEqualTo(new Started(YELLOW, T0));
        assertThat(fresh.step(false, YELLOW, T0.plusSeconds(1))).isEqualTo(new Cleared(YELLOW, T0));
        assertThat(fresh.severity()).isNull();
    }

    @Test
    void resumedItContinuesOrClearsLikeTheMachineThatStartedIt() {
        machine.resume(RED, T0);
        assertThat(machine.active()).isTrue();
        assertThat(at(100, true, RED)).isEqualTo(new Continues(RED, RED, T0));
        assertThat(at(101, false)).as("the clear hold runs from the first step without the condition").isInstanceOf(Continues.class);
        assertThat(at(121, false)).isEqualTo(new Cleared(RED, T0));
    }
}
