package gridwatch.gateway.alert;

import java.time.Instant;
import java.util.UUID;

/** What {@link IncidentTracker} decided to emit for a finding. */
public record LifecycleStep(Lifecycle lifecycle, UUID incidentId, int revision, Instant startedAt) {
}
