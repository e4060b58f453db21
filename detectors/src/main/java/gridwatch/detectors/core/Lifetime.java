package gridwatch.detectors.core;

import java.time.Duration;

/**
 * How a finding's incident ends. A {@link Held} finding's rule watches the condition and says when it cleared (an
 * inactive finding). A {@link OneShot} finding is a sighting with no rule watching afterwards (an object in a drone
 * photo): its incident ends by itself when no sighting of the same subject came within the TTL.
 */
public sealed interface Lifetime {

    Held HELD = new Held();

    /** Ends when the rule says so. */
    record Held() implements Lifetime {
    }

    /**
     * Ends {@code ttl} after the last sighting unless seen again. The TTL runs from the sighting's observed time and
     * is checked against the gateway's clock, so it ends even when the device sends nothing more.
     */
    record OneShot(Duration ttl) implements Lifetime {
        public OneShot {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("a one-shot TTL must be positive, got " + ttl);
            }
        }
    }
}
