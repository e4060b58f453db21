package gridwatch.gateway.alert;

import gridwatch.detectors.core.Finding;

/** Dedup key: one open incident per (device, rule, zone). */
public record IncidentKey(String deviceId, String ruleId, String zoneId) {

    public static IncidentKey of(Finding f) {
        return new IncidentKey(f.deviceId(), f.ruleId(), f.zoneId() == null ? "" : f.zoneId());
    }
}
