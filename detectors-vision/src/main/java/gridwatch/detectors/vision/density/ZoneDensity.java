package gridwatch.detectors.vision.density;

/**
 * A density map summed over one image zone.
 *
 * @param people the map's sum over the zone's cells, exclude masks left out
 * @param share  the zone's share of the picture's cells (0–1), what its part of the noise floor is
 */
public record ZoneDensity(double people, double share) {
}
