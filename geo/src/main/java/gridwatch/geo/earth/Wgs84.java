package gridwatch.geo.earth;

/**
 * The WGS-84 ellipsoid near a point: its two radii of curvature, and local east/north offsets in
 * metres. The tangent-plane approximation is what the drone formulas use (design/drone-imagery.md §3):
 * over a photo's footprint (tens to a few hundred metres) its error is millimetres, far below the
 * metres the georeference is good to.
 */
public final class Wgs84 {

    /** Semi-major axis, m. */
    public static final double A = 6_378_137.0;
    /** First eccentricity squared. */
    public static final double E2 = 6.694_379_990_14e-3;

    private Wgs84() {
    }

    /** M: radius of curvature in the meridian at latitude {@code latDeg}, m (metres per radian of latitude). */
    public static double meridionalRadius(double latDeg) {
        double s = Math.sin(Math.toRadians(latDeg));
        double w = 1 - E2 * s * s;
        return A * (1 - E2) / (w * Math.sqrt(w));
    }

    /** N: radius of curvature in the prime vertical at latitude {@code latDeg}, m. */
    public static double primeVerticalRadius(double latDeg) {
        double s = Math.sin(Math.toRadians(latDeg));
        return A / Math.sqrt(1 - E2 * s * s);
    }

    /** The point {@code eastM} east and {@code northM} north of {@code origin}: lat = φ + dN/M, lon = λ + dE/(N·cos φ). */
    public static LatLon offset(LatLon origin, double eastM, double northM) {
        double lat = origin.lat() + Math.toDegrees(northM / meridionalRadius(origin.lat()));
        double lon = origin.lon() + Math.toDegrees(eastM / (primeVerticalRadius(origin.lat()) * Math.cos(Math.toRadians(origin.lat()))));
        return new LatLon(lat, lon);
    }

    /** East and north metres from {@code origin} to {@code p}: the inverse of {@link #offset}. */
    public static EastNorth toLocal(LatLon origin, LatLon p) {
        double north = Math.toRadians(p.lat() - origin.lat()) * meridionalRadius(origin.lat());
        double east = Math.toRadians(p.lon() - origin.lon()) * primeVerticalRadius(origin.lat()) * Math.cos(Math.toRadians(origin.lat()));
        return new EastNorth(east, north);
    }

    /** Distance in metres between two nearby points (tangent plane at the first; use for up to a few km). */
    public static double distanceM(LatLon a, LatLon b) {
        EastNorth d = toLocal(a, b);
        return Math.hypot(d.east(), d.north());
    }

    /** Metres east and north of some origin on the local tangent plane. */
    public record EastNorth(double east, double north) {
    }
}
