package gridwatch.detectors.core;

import java.time.Instant;

/**
 * One value from one device resource, already scaled to engineering units by the device profile.
 *
 * @param observedAt when the device measured it (UTC), not when it arrived
 */
public record Reading(String deviceId, String resource, double value, String unit, Instant observedAt, Quality quality) {

    public Reading {
        if (deviceId == null || resource == null || observedAt == null || quality == null) {
            throw new IllegalArgumentException("deviceId, resource, observedAt and quality are required");
        }
    }
}
