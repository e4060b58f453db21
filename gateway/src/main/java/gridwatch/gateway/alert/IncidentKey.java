package gridwatch.gateway.alert;

import gridwatch.detectors.core.Finding;

/**
 * Dedup key: one open incident per (device, rule, zone, alert type). The alert type belongs in it because one rule
 * may raise several kinds of alert for the same device and zone: the device-health watches raise both
 * device-offline and device-fault under rule {@code device-health}, and they are separate cases for the center.
 */
public record IncidentKey(String deviceId, String ruleId, String zoneId, String alertType) {

    public static IncidentKey of(Finding f) {
        return new IncidentKey(f.deviceId(), f.ruleId(), f.zoneId() == null ? "" : f.zoneId(), f.alertType());
    }
}
