package gridwatch.drone.georef;

import org.jspecify.annotations.Nullable;

/**
 * How far off a georeferenced pixel may be (design/drone-imagery.md §4; docs/drone.md):
 *
 * <pre>
 *   r = √((k · slant)² + g²)          k = 0.125 (5 m at 40 m straight down)
 *   g = the photo's GPSXYAccuracy, else {@code defaultGnssM} (5 m)
 *   r += 2 · d   when the yaw is in doubt (d = horizontal distance from the nadir point)
 * </pre>
 *
 * k covers what was measured on the reference flight with a consumer GNSS, barometric height and
 * the camera table's focal length: pair consistency 1.2–5.2 m at ~40 m, 2.1 m median against the SfM
 * cloud, worst point 4.9 m (relative errors; the one-flight bias of ~1.4 m is not subtracted).
 * Slant range rather than height, so oblique pixels far from the nadir get proportionally more.
 * g is the absolute error of the camera position, unmeasured there, so taken from the photo or as
 * 5 m. A 180° turn moves a point to its mirror image through the nadir point, 2·d away, so a photo
 * whose yaw is in doubt gets a circle that holds both.
 */
public record UncertaintyModel(double perSlantMetre, double defaultGnssM) {

    public static final UncertaintyModel DEFAULT = new UncertaintyModel(0.125, 5.0);

    public double radiusM(double slantRangeM, double horizontalFromNadirM, @Nullable Double gnssAccuracyM, CameraPose.YawTrust trust) {
        double g = gnssAccuracyM != null && gnssAccuracyM > 0 ? gnssAccuracyM : defaultGnssM;
        double geo = perSlantMetre * slantRangeM;
        double r = Math.sqrt(geo * geo + g * g);
        return trust == CameraPose.YawTrust.IN_DOUBT ? r + 2 * horizontalFromNadirM : r;
    }
}
