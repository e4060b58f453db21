package gridwatch.drone.match;

import java.util.List;

/**
 * How photo A's pixels map into photo B's (a homography from matched features and RANSAC), and
 * what it implies locally, at the centroid of the inliers: image rotation (clockwise as seen, so
 * for two nadir photos about ψ_A − ψ_B) and scale (about h_A / h_B for one camera).
 *
 * @param homography row-major 3×3, A's stored pixels → B's stored pixels
 * @param inliers    the matched features RANSAC kept, in stored pixels
 * @param matches    matches that passed the ratio test
 * @param features   the detector that produced it
 */
public record PairRegistration(double[] homography, List<PointPair> inliers, int matches, double rotationDeg, double scale, Features features) {

    public PairRegistration {
        homography = homography.clone();
        inliers = List.copyOf(inliers);
    }

    /** B's pixel for A's (u, v). */
    public double[] map(double u, double v) {
        double[] h = homography;
        double w = h[6] * u + h[7] * v + h[8];
        return new double[] {(h[0] * u + h[1] * v + h[2]) / w, (h[3] * u + h[4] * v + h[5]) / w};
    }
}
