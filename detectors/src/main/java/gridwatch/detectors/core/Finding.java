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
        List<Evidence> evidence) {

    public Finding {
        measurements = List.copyOf(measurements);
        evidence = List.copyOf(evidence);
    }

    public String deviceId() {
        return subject.deviceId();
    }

    public @Nullable String zoneId() {
        return subject.zoneId();
    }
}
