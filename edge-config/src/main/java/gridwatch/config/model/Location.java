package gridwatch.config.model;

/** A WGS-84 position in degrees. */
public record Location(double lat, double lon) {
}
