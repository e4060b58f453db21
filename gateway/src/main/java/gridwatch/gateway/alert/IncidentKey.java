package gridwatch.gateway.alert;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Subject;

/**
 * Dedup key: one open incident per (subject, rule, alert type). The subject's identity is its device, zone and object
 * key, so two objects one rule sees on one device (two garbage piles in one drone pass) are two incidents, while the
 * same object seen again at a slightly different ground location is the same one. The alert type belongs in it
 * because one rule may raise several kinds of alert for the same subject: the device-health watches raise both
 * device-offline and device-fault under rule {@code device-health}, and they are separate cases for the center.
 */
public record IncidentKey(Subject.Identity subject, String ruleId, String alertType) {

    public static IncidentKey of(Finding f) {
        return new IncidentKey(f.subject().identity(), f.ruleId(), f.alertType());
    }
}
