package gridwatch.drone.match;

/** One feature seen in both photos, in each photo's stored pixels. */
public record PointPair(double ua, double va, double ub, double vb) {
}
