package gridwatch.detectors.core;

/**
 * Where on the ground a finding is, when a rule knows better than the device's own position (a drone photo locates
 * each object it sees). WGS-84 degrees.
 *
 * @param uncertaintyM radius in metres of the circle the object is in, as the locating step estimated it
 */
public record GroundLocation(double lat, double lon, double uncertaintyM) {

    public GroundLocation {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a WGS-84 position: " + lat + ", " + lon);
        }
        if (!(uncertaintyM >= 0) || Double.isInfinite(uncertaintyM)) {
            throw new IllegalArgumentException("uncertainty must be a finite radius >= 0 m, got " + uncertaintyM);
        }
    }
}
