package gridwatch.drone.metadata;

import org.jspecify.annotations.Nullable;

/**
 * The heights a photo carries, metres, each absent when the photo lacks it.
 *
 * @param relativeM DJI RelativeAltitude: above the take-off point (barometric, ±~5 m), not above the ground under the photo
 * @param absoluteM DJI AbsoluteAltitude: above sea level
 * @param gpsM      EXIF GPSAltitude with its reference applied (below sea level negative): above sea level
 */
public record Altitudes(@Nullable Double relativeM, @Nullable Double absoluteM, @Nullable Double gpsM) {
}
