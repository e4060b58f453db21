package gridwatch.detectors.core;

import java.time.Instant;
import java.util.List;

/**
 * What a rule concluded from its input at one moment. {@code active} findings repeat while the
 * condition holds; one inactive finding says it cleared. The gateway turns these into alert
 * start/update/end messages; rules know nothing of alerts, categories or transport.
 *
 * @param zoneId the zone the finding is in, or null when the device has none
 */
public record Finding(
        String ruleId,
        String alertType,
        String deviceId,
        String zoneId,
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
}
