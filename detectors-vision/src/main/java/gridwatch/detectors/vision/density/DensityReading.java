package gridwatch.detectors.vision.density;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One density estimate of one camera: the map, its sum per image zone, the time of the frame it was
 * made from and how long the model took. Immutable (the map's array is never written).
 */
public record DensityReading(Instant at, DensityMap map, Map<String, ZoneDensity> zones, Duration took) {

    public DensityReading {
        zones = Map.copyOf(zones);
    }
}
