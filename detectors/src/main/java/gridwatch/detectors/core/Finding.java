package gridwatch.detectors.core;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rule concluded from its input at one moment. {@code active} findings repeat while the
 * condition holds; one inactive finding says it cleared, or, for a {@link Lifetime.OneShot one-shot}
 * sighting, the gateway ends it when no sighting of the same subject came within its TTL. The gateway
 * turns these into alert start/update/end messages; rules know nothing of alerts, categories or transport.
 *
 * @param subject what the finding is about: device, zone, and which object when a device sees several
 * @param lifetime whether its rule will clear it, or it ends by itself unless seen again
 * @param evidence what the center can look at, made already
 * @param deferredEvidence evidence made only if the finding is sent (a snapshot), after {@code evidence}
 */
public record Finding(
        String ruleId,
        String alertType,
        Subject subject,
        boolean active,
        Severity severity,
        Instant observedAt,
        String summary,
        List<Measurement> measurements,
        List<Evidence> evidence,
        Lifetime lifetime,
        List<DeferredEvidence> deferredEvidence) {

    public Finding {
        measurements = List.copyOf(measurements);
        evidence = List.copyOf(evidence);
        deferredEvidence = List.copyOf(deferredEvidence);
    }

    public Finding(String ruleId, String alertType, Subject subject, boolean active, Severity severity, Instant observedAt,
                   String summary, List<Measurement> measurements, List<Evidence> evidence, Lifetime lifetime) {
        this(ruleId, alertType, subject, active, severity, observedAt, summary, measurements, evidence, lifetime, List.of());
    }

    /** A finding its rule will clear ({@link Lifetime#HELD}): what every watching rule makes. */
    public Finding(String ruleId, String alertType, Subject subject, boolean active, Severity severity, Instant observedAt,
                   String summary, List<Measurement> measurements, List<Evidence> evidence) {
        this(ruleId, alertType, subject, active, severity, observedAt, summary, measurements, evidence, Lifetime.HELD);
    }

    /** This finding, cleared: what its incident ends with. */
    public Finding cleared(Instant at, String why) {
        return new Finding(ruleId, alertType, subject, false, severity, at, why, measurements, evidence, lifetime, deferredEvidence);
    }

    /** This finding with more evidence to render if it is sent. */
    public Finding withDeferred(DeferredEvidence more) {
        List<DeferredEvidence> all = new ArrayList<>(deferredEvidence);
        all.add(more);
        return new Finding(ruleId, alertType, subject, active, severity, observedAt, summary, measurements, evidence, lifetime, all);
    }

    /** All its evidence, the deferred rendered now: call only for a finding that is being sent (see {@link DeferredEvidence}). */
    public List<Evidence> renderedEvidence() {
        if (deferredEvidence.isEmpty()) {
            return evidence;
        }
        List<Evidence> all = new ArrayList<>(evidence);
        for (DeferredEvidence d : deferredEvidence) {
            all.add(d.render());
        }
        return all;
    }

    public String deviceId() {
        return subject.deviceId();
    }

    public @Nullable String zoneId() {
        return subject.zoneId();
    }
}
