package gridwatch.gateway.alert;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * What {@link IncidentTracker} decided to emit for a finding.
 *
 * @param endReason why the incident ends, on an END only (null otherwise)
 */
public record LifecycleStep(Lifecycle lifecycle, UUID incidentId, int revision, Instant startedAt, @Nullable EndReason endReason) {

    public LifecycleStep(Lifecycle lifecycle, UUID incidentId, int revision, Instant startedAt) {
        this(lifecycle, incidentId, revision, startedAt, lifecycle == Lifecycle.END ? EndReason.CLEARED : null);
    }
}
