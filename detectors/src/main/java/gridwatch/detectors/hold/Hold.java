package gridwatch.detectors.hold;

import java.time.Duration;

/**
 * How long a condition must hold before a finding starts ({@code on}), and be clear before it ends ({@code off}),
 * in time and in steps: both must be reached. Steps count a device that reports per reading ("5 bad readings in a
 * row"); time counts the rest. A zero time and one step mean "at once".
 */
public record Hold(Duration on, Duration off, int stepsOn, int stepsOff) {

    public Hold {
        if (on.isNegative() || off.isNegative()) {
            throw new IllegalArgumentException("hold times must be >= 0, got on " + on + ", off " + off);
        }
        if (stepsOn < 1 || stepsOff < 1) {
            throw new IllegalArgumentException("hold steps must be >= 1, got on " + stepsOn + ", off " + stepsOff);
        }
    }

    /** Held and cleared by time only. */
    public static Hold of(Duration on, Duration off) {
        return new Hold(on, off, 1, 1);
    }

    /** Held and cleared by time only, in (fractional) seconds as specs give them. */
    public static Hold ofSeconds(double on, double off) {
        return of(Duration.ofNanos(Math.round(on * 1e9)), Duration.ofNanos(Math.round(off * 1e9)));
    }

    /** Held and cleared by consecutive steps only. */
    public static Hold steps(int on, int off) {
        return new Hold(Duration.ZERO, Duration.ZERO, on, off);
    }

    /** Starts at the first step with the condition, ends at the first without. */
    public static Hold none() {
        return new Hold(Duration.ZERO, Duration.ZERO, 1, 1);
    }
}
