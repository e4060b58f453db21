package gridwatch.gateway.uplink.mqtt;

import java.time.Duration;

/**
 * How long an alert the broker refused waits before it is sent again, and after how many refusals
 * it goes to the dead-letter table instead. Refusals only: an alert whose connection died is
 * resent at once on the next connection and never counts here.
 *
 * @param maxAttempts  refusals before the alert is dead-lettered
 * @param firstBackoff the wait after the first refusal; it doubles per refusal up to {@code maxBackoff}
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    /** Eight tries over about four minutes: long enough for a broker ACL fix or a quota window. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(2));

    public RetryPolicy {
        if (maxAttempts < 1 || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("bad retry policy: " + maxAttempts + ", " + firstBackoff + ", " + maxBackoff);
        }
    }

    /** The wait after the {@code attempt}-th refusal (1-based). */
    long backoffNanos(int attempt) {
        long first = firstBackoff.toNanos();
        long wait = first << Math.min(attempt - 1, 30);
        return wait < 0 || wait > maxBackoff.toNanos() ? maxBackoff.toNanos() : wait;
    }
}
