package gridwatch.gateway.ingest;

import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.profiles.ResourceProperties;
import gridwatch.profiles.TransformResult;
import gridwatch.profiles.ValueTransformer;

import java.time.Instant;

/**
 * The one way a driver's raw value becomes a reading: the profile's transform, then its
 * plausible range (outside it the reading is bad, whatever the device said of it). A value that
 * is not a usable number (see {@link ValueTransformer#transform}) becomes one BAD reading, which
 * the rules never see and storage keeps, and is reported to {@link UnusableValues}; it never
 * throws, so the other values of the same poll, packet or message, and the connection, are
 * unaffected. Thread-safe.
 */
public final class ProfileReadings {

    private final UnusableValues unusable;

    public ProfileReadings(UnusableValues unusable) {
        this.unusable = unusable;
    }

    /** @param reported the quality the device itself reported (GOOD when it says nothing) */
    public Reading of(String deviceId, String resource, ResourceProperties props, double raw, Instant at, Quality reported) {
        return switch (ValueTransformer.transform(props, raw)) {
            case TransformResult.Usable(double value) ->
                    new Reading(deviceId, resource, value, props.units(), at, ValueTransformer.inRange(props, value) ? reported : Quality.BAD);
            case TransformResult.Unusable u -> {
                unusable.report(deviceId, resource, u);
                yield new Reading(deviceId, resource, u.value(), props.units(), at, Quality.BAD);
            }
        };
    }

    /** Unusable values seen so far, for a source's one line in /health. */
    public long unusableCount() {
        return unusable.total();
    }
}
