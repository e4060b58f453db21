package gridwatch.detectors.core;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What a rule concluded from its input at one moment. {@code active} findings repeat while the
 * condition holds; one inactive finding says it cleared. The gateway turns these into alert
 * start/update/end messages; rules know nothing of alerts, categories or transport.
 *
 * @param subject what the finding is about: device, zone, and which object when a device sees several
 * @param lifetime whether its rule will clear it, or it ends by itself unless seen again
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
        Lifetime lifetime) {

    public Finding {
        measurements = List.copyOf(measurements);
        evidence = List.copyOf(evidence);
    }

    /** A finding its rule will clear ({@link Lifetime#HELD}): what every watching rule makes. */
    public Finding(String ruleId, String alertType, Subject subject, boolean active, Severity severity, Instant observedAt,
                   String summary, List<Measurement> measurements, List<Evidence> evidence) {
        this(ruleId, alertType, subject, active, severity, observedAt, summary, measurements, evidence, Lifetime.HELD);
    }

    /** This finding, cleared: what its incident ends with. */
    public Finding cleared(Instant at, String why) {
        return new Finding(ruleId, alertType, subject, false, severity, at, why, measurements, evidence, lifetime);
    }

    public String deviceId() {
        return subject.deviceId();
    }

    public @Nullable String zoneId() {
        return subject.zoneId();
    }
}
