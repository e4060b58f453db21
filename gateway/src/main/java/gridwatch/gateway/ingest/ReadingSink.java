package gridwatch.gateway.ingest;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Reading;

import java.util.List;

/** Where sources hand their readings. Must not block; thread-safe. */
@FunctionalInterface
public interface ReadingSink {

    void accept(Reading reading);

    /**
     * Readings that arrived together (e.g. everything one TCP read of an HJ 212 connection held),
     * in order. A sink with a queue takes them as one entry; the sink owns the list afterwards.
     */
    default void acceptAll(List<Reading> readings) {
        readings.forEach(this::accept);
    }

    /**
     * A finding a source concluded itself: a camera runs its scene rules on its own analysis
     * thread, next to the frames they need, and hands over what they found. Sinks that only
     * store readings refuse it.
     */
    default void finding(Finding finding) {
        throw new UnsupportedOperationException("this sink takes readings only, not findings (" + finding.ruleId() + ")");
    }

    /**
     * Offers a finding that must not be lost (one made from a drone photo, which is not seen again): false when the
     * sink cannot take it now, and then nothing was taken and the caller keeps it and offers it again later. Any
     * thread; never blocks.
     */
    default boolean tryFinding(Finding finding) {
        finding(finding);
        return true;
    }
}
