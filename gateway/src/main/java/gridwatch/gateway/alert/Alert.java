package gridwatch.gateway.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import gridwatch.config.model.GridCell;
import gridwatch.config.model.Location;
import gridwatch.detectors.core.Evidence;
import gridwatch.detectors.core.GroundLocation;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.core.Severity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message about an incident. Every message has its own time-ordered {@code alertId}
 * (the CloudEvents id, stable across redeliveries); all messages of one ongoing problem share
 * {@code incidentId}, and {@code revision} counts them from 0 (the START).
 *
 * @param location  the device's position, or null when unknown
 * @param gridCell  the grid cell the subject is in: the ground location's when it names one (a drone photo's object), else the device zone's, or null
 * @param groundLocation where on the ground the subject is, when its rule located it (a drone photo), else null
 * @param objectKey which of the device's objects the incident is about (a track or drone object id), else null
 * @param endReason why the incident ended, on an END only (null otherwise)
 * @param evidenceOmitted evidence left out to keep the message within its size bound (empty: none; not written then)
 */
public record Alert(
        UUID alertId,
        UUID incidentId,
        int revision,
        String gatewayId,
        String type,
        Category category,
        Severity severity,
        Lifecycle lifecycle,
        @Nullable EndReason endReason,
        String ruleId,
        DeviceRef device,
        @Nullable Location location,
        @Nullable String zone,
        @Nullable GridCell gridCell,
        @Nullable GroundLocation groundLocation,
        @Nullable String objectKey,
        Instant observedAt,
        Instant startedAt,
        Instant producedAt,
        String summary,
        List<Measurement> measurements,
        List<Evidence> evidence,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EvidenceOmission> evidenceOmitted) {

    public Alert {
        measurements = List.copyOf(measurements);
        evidence = List.copyOf(evidence);
        evidenceOmitted = List.copyOf(evidenceOmitted);
    }

    /** An alert that carries all its evidence. */
    public Alert(UUID alertId, UUID incidentId, int revision, String gatewayId, String type, Category category, Severity severity,
                 Lifecycle lifecycle, @Nullable EndReason endReason, String ruleId, DeviceRef device, @Nullable Location location,
                 @Nullable String zone, @Nullable GridCell gridCell, @Nullable GroundLocation groundLocation, @Nullable String objectKey,
                 Instant observedAt, Instant startedAt, Instant producedAt, String summary, List<Measurement> measurements,
                 List<Evidence> evidence) {
        this(alertId, incidentId, revision, gatewayId, type, category, severity, lifecycle, endReason, ruleId, device, location, zone,
                gridCell, groundLocation, objectKey, observedAt, startedAt, producedAt, summary, measurements, evidence, List.of());
    }

    /** An alert whose END (if it is one) is a cleared condition. */
    public Alert(UUID alertId, UUID incidentId, int revision, String gatewayId, String type, Category category, Severity severity,
                 Lifecycle lifecycle, String ruleId, DeviceRef device, @Nullable Location location, @Nullable String zone,
                 @Nullable GridCell gridCell,
                 @Nullable GroundLocation groundLocation, @Nullable String objectKey, Instant observedAt, Instant startedAt,
                 Instant producedAt, String summary, List<Measurement> measurements, List<Evidence> evidence) {
        this(alertId, incidentId, revision, gatewayId, type, category, severity, lifecycle,
                lifecycle == Lifecycle.END ? EndReason.CLEARED : null, ruleId, device, location, zone, gridCell, groundLocation,
                objectKey, observedAt, startedAt, producedAt, summary, measurements, evidence);
    }

    /** This alert carrying {@code kept} of its evidence, and saying what it left out. */
    public Alert withEvidence(List<Evidence> kept, List<EvidenceOmission> omitted) {
        return new Alert(alertId, incidentId, revision, gatewayId, type, category, severity, lifecycle, endReason, ruleId, device,
                location, zone, gridCell, groundLocation, objectKey, observedAt, startedAt, producedAt, summary, measurements, kept, omitted);
    }

    /** The outbox orders and the uplink keeps order per source: the device. */
    public String sourceKey() {
        return device.id();
    }
}
