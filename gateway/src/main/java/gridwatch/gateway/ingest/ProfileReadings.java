package gridwatch.gateway.ingest;

import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.profiles.ResourceProperties;
import gridwatch.profiles.ValueTransformer;

import java.time.Instant;

/**
 * The one way a driver's raw value becomes a reading: the profile's transform, then its
 * plausible range (outside it the reading is bad, whatever the device said of it).
 */
public final class ProfileReadings {

    private ProfileReadings() {
    }

    /** @param reported the quality the device itself reported (GOOD when it says nothing) */
    public static Reading of(String deviceId, String resource, ResourceProperties props, double raw, Instant at, Quality reported) {
        double value = ValueTransformer.apply(props, raw);
        Quality q = ValueTransformer.inRange(props, value) ? reported : Quality.BAD;
        return new Reading(deviceId, resource, value, props.units(), at, q);
    }
}
