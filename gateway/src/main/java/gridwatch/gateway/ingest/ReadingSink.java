package gridwatch.gateway.ingest;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Reading;

/** Where sources hand their readings. Must not block; thread-safe. */
@FunctionalInterface
public interface ReadingSink {

    void accept(Reading reading);

    /**
     * A finding a source concluded itself: a camera runs its scene rules on its own analysis
     * thread, next to the frames they need, and hands over what they found. Sinks that only
     * store readings refuse it.
     */
    default void finding(Finding finding) {
        throw new UnsupportedOperationException("this sink takes readings only, not findings (" + finding.ruleId() + ")");
    }
}
