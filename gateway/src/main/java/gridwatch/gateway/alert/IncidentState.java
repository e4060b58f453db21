package gridwatch.gateway.alert;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.GroundLocation;
import gridwatch.detectors.core.Lifetime;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.core.Subject;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An open incident as its last stored alert left it: what a restarted gateway needs to go on with it (its next
 * update or end under the same id and the next revision) or to end it (an END dressed like its last message).
 *
 * @param lastObservedAt  the observed time of its last alert
 * @param lastSummary     that alert's summary
 * @param oneShotTtlSeconds the time to live of a one-shot sighting; null for an incident its rule watches
 */
public record IncidentState(String deviceId, @Nullable String zoneId, @Nullable String objectKey, String ruleId, String alertType,
                            UUID incidentId, Instant startedAt, int revision, Severity severity, Instant lastObservedAt,
                            String lastSummary, @Nullable GroundLocation groundLocation, @Nullable Long oneShotTtlSeconds) {

    /** The state after an alert of a START or UPDATE step. */
    static IncidentState after(IncidentKey key, Finding f, LifecycleStep step) {
        Long ttl = f.lifetime() instanceof Lifetime.OneShot(Duration d) ? d.toSeconds() : null;
        return new IncidentState(f.deviceId(), f.zoneId(), f.subject().objectKey(), key.ruleId(), key.alertType(), step.incidentId(),
                step.startedAt(), step.revision(), f.severity(), f.observedAt(), f.summary(), f.subject().location(), ttl);
    }

    public IncidentKey key() {
        return new IncidentKey(subject().identity(), ruleId, alertType);
    }

    Subject subject() {
        return new Subject(deviceId, zoneId, groundLocation, objectKey);
    }

    Lifetime lifetime() {
        return oneShotTtlSeconds == null ? Lifetime.HELD : new Lifetime.OneShot(Duration.ofSeconds(oneShotTtlSeconds));
    }

    /** The incident's last finding as far as it is kept (no measurements or evidence): what an END made after a restart carries. */
    Finding lastFinding() {
        return new Finding(ruleId, alertType, subject(), true, severity, lastObservedAt, lastSummary, List.of(), List.of(), lifetime());
    }
}
