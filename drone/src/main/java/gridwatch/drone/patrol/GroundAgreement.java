package gridwatch.drone.patrol;

import gridwatch.drone.georef.GroundPoint;
import gridwatch.drone.match.PairRegistration;
import gridwatch.drone.match.PointPair;
import gridwatch.drone.photo.AnalyzedPhoto;
import gridwatch.geo.earth.Wgs84;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How well two georeferenced photos agree on the ground: every feature a registration matched in
 * both is put on the ground from each photo, and the distances between the two positions are
 * summarised (design note §4 measured 1.2–5.2 m per pair at ~40 m on the reference flight).
 *
 * @param pairs      features located from both photos
 * @param medianM    median distance between the two positions of a feature
 * @param p90M       90th percentile
 */
public record GroundAgreement(int pairs, double medianM, double p90M) {

    /** Empty when either photo gives no location or no matched feature falls on the ground in both. */
    public static Optional<GroundAgreement> of(AnalyzedPhoto a, AnalyzedPhoto b, PairRegistration r) {
        List<Double> d = new ArrayList<>();
        for (PointPair p : r.inliers()) {
            Optional<GroundPoint> ga = a.locate(p.ua(), p.va());
            Optional<GroundPoint> gb = b.locate(p.ub(), p.vb());
            if (ga.isPresent() && gb.isPresent()) {
                d.add(Wgs84.distanceM(ga.get().position(), gb.get().position()));
            }
        }
        if (d.isEmpty()) {
            return Optional.empty();
        }
        d.sort(null);
        return Optional.of(new GroundAgreement(d.size(), quantile(d, 0.5), quantile(d, 0.9)));
    }

    private static double quantile(List<Double> sorted, double q) {
        double pos = q * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (pos - lo);
    }
}
