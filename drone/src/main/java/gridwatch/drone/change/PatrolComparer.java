package gridwatch.drone.change;

import gridwatch.drone.detect.GroundDetection;
import gridwatch.drone.georef.CameraPose;
import gridwatch.drone.georef.GroundPoint;
import gridwatch.drone.georef.GroundProjector;
import gridwatch.drone.match.Features;
import gridwatch.drone.match.GreyImage;
import gridwatch.drone.match.PairRegistration;
import gridwatch.drone.match.Registrar;
import gridwatch.drone.patrol.Overlap;
import gridwatch.drone.photo.AnalyzedPhoto;
import gridwatch.geo.earth.Wgs84;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares the objects of a photo with those of an overlapping photo of the previous patrol (design note §8): pixel
 * differencing is useless here (38 % of the overlap changed between two photos 14 s apart, from canopy parallax), so
 * the photos are registered image to image (AKAZE, then SIFT; a MAGSAC++ homography with the registrar's check) and
 * the registration is accepted only when its rotation agrees with the yaws (within {@code toleranceDeg}). Each
 * object's centre is then carried into the other photo: a current detection with no earlier sighting of its group
 * within its half size + {@code toleranceM} there has appeared; an earlier sighting with no current detection of its
 * group near it has vanished. Only objects that fall inside the other photo (by half their size) are compared. When
 * no registration passes, ground positions are compared within √(r₁² + r₂²) (the georeference: coarser, a few metres
 * between flights).
 *
 * <p>Runs on the caller's thread; decodes both photos grey at 1000 px wide and frees them before returning (a few
 * hundred ms per pair on 2 cores).
 *
 * @param groupSizesM the object groups' sizes seen from above, m: the matching distance is half of it + toleranceM
 */
public record PatrolComparer(Registrar registrar, List<Features> order, double toleranceDeg, double toleranceM, Map<String, Double> groupSizesM) {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    public PatrolComparer {
        order = List.copyOf(order);
        groupSizesM = Map.copyOf(groupSizesM);
    }

    public static PatrolComparer of(double toleranceM, Map<String, Double> groupSizesM) {
        return new PatrolComparer(Registrar.DEFAULT, List.of(Features.AKAZE_MLDB, Features.SIFT_128), 15, toleranceM, groupSizesM);
    }

    /**
     * @param current  the new photo (located)
     * @param found    its detections
     * @param groups   the object groups searched in both photos: only these are compared
     * @param prior    the previous patrol's photo (located, its yaw as that patrol judged it)
     * @param seen     what the previous patrol saw in it
     */
    public Comparison compare(AnalyzedPhoto current, List<GroundDetection> found, Set<String> groups, AnalyzedPhoto prior,
                              List<PriorSighting> seen) throws IOException {
        GroundProjector p = require(current);
        GroundProjector q = require(prior);
        String why;
        try (GreyImage a = GreyImage.load(current.file(), current.metadata().size().width(), 1000);
             GreyImage b = GreyImage.load(prior.file(), prior.metadata().size().width(), 1000)) {
            double expectedScale = (q.camera().focalPx() / q.pose().heightM()) / (p.camera().focalPx() / p.pose().heightM());
            switch (registrar.register(a, b, expectedScale, order)) {
                case Registrar.Outcome.Registered r -> {
                    PairRegistration reg = r.registration();
                    double predicted = CameraPose.normalize(p.pose().yawDeg() - q.pose().yawDeg());
                    double off = Math.abs(CameraPose.normalize(reg.rotationDeg() - predicted));
                    if (off <= toleranceDeg) {
                        return registered(current, found, groups, prior, seen, reg);
                    }
                    why = String.format(Locale.ROOT, "registration rotation %.1f° where the yaws say %.1f°", reg.rotationDeg(), predicted);
                }
                case Registrar.Outcome.Failed f -> why = "no registration (" + String.join("; ", f.attempts()) + ")";
            }
        }
        return georeferenced(current, found, groups, prior, seen, why);
    }

    private Comparison registered(AnalyzedPhoto current, List<GroundDetection> found, Set<String> groups, AnalyzedPhoto prior,
                                  List<PriorSighting> seen, PairRegistration reg) {
        double gsdQ = require(prior).gsdCm() / 100;
        double gsdP = require(current).gsdCm() / 100;
        double[] inverse = invert(reg.homography());
        List<Integer> appeared = new ArrayList<>();
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            GroundDetection d = found.get(i);
            if (!groups.contains(d.group())) {
                continue;
            }
            double half = size(d.group()) / 2;
            double[] m = reg.map(d.box().centerX(), d.box().centerY());
            if (!inside(m, prior, half / gsdQ)) {
                continue;
            }
            double tolPx = (half + toleranceM) / gsdQ;
            boolean there = seen.stream().anyMatch(s -> s.group().equals(d.group())
                    && Math.hypot(s.box().centerX() - m[0], s.box().centerY() - m[1]) <= tolPx);
            (there ? present : appeared).add(i);
        }
        List<PriorSighting> vanished = new ArrayList<>();
        List<PriorSighting> compared = new ArrayList<>();
        for (PriorSighting s : seen) {
            if (!groups.contains(s.group())) {
                continue;
            }
            double half = size(s.group()) / 2;
            double[] m = apply(inverse, s.box().centerX(), s.box().centerY());
            if (!inside(m, current, half / gsdP)) {
                continue;
            }
            compared.add(s);
            double tolPx = (half + toleranceM) / gsdP;
            boolean there = found.stream().anyMatch(d -> d.group().equals(s.group())
                    && Math.hypot(d.box().centerX() - m[0], d.box().centerY() - m[1]) <= tolPx);
            if (!there) {
                vanished.add(s);
            }
        }
        String note = String.format(Locale.ROOT, "registered by %s: %d inliers, rotation %.1f°, scale %.2f", reg.features(), reg.inliers().size(),
                reg.rotationDeg(), reg.scale());
        return new Comparison(Comparison.Method.REGISTERED, note, appeared, present, vanished, compared);
    }

    private Comparison georeferenced(AnalyzedPhoto current, List<GroundDetection> found, Set<String> groups, AnalyzedPhoto prior,
                                     List<PriorSighting> seen, String why) {
        Geometry inPrior = Overlap.polygon(require(prior).footprint());
        Geometry inCurrent = Overlap.polygon(require(current).footprint());
        List<Integer> appeared = new ArrayList<>();
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            GroundDetection d = found.get(i);
            GroundPoint g = d.ground();
            if (!groups.contains(d.group()) || g == null || !contains(inPrior, g.position().lon(), g.position().lat())) {
                continue;
            }
            boolean there = seen.stream().anyMatch(s -> s.group().equals(d.group())
                    && Wgs84.distanceM(s.position(), g.position()) <= Math.hypot(s.uncertaintyM(), g.uncertaintyM()));
            (there ? present : appeared).add(i);
        }
        List<PriorSighting> vanished = new ArrayList<>();
        List<PriorSighting> compared = new ArrayList<>();
        for (PriorSighting s : seen) {
            if (!groups.contains(s.group()) || !contains(inCurrent, s.position().lon(), s.position().lat())) {
                continue;
            }
            compared.add(s);
            boolean there = found.stream().anyMatch(d -> d.group().equals(s.group()) && d.ground() != null
                    && Wgs84.distanceM(s.position(), d.ground().position()) <= Math.hypot(s.uncertaintyM(), d.ground().uncertaintyM()));
            if (!there) {
                vanished.add(s);
            }
        }
        return new Comparison(Comparison.Method.GEOREFERENCED, why + "; compared by georeference", appeared, present, vanished, compared);
    }

    private double size(String group) {
        return groupSizesM.getOrDefault(group, 1.0);
    }

    private static boolean inside(double[] uv, AnalyzedPhoto photo, double marginPx) {
        int w = photo.metadata().size().width();
        int h = photo.metadata().size().height();
        return uv[0] >= marginPx && uv[1] >= marginPx && uv[0] <= w - marginPx && uv[1] <= h - marginPx;
    }

    private static boolean contains(Geometry area, double lon, double lat) {
        return area.contains(GEOMETRY.createPoint(new Coordinate(lon, lat)));
    }

    private static GroundProjector require(AnalyzedPhoto p) {
        GroundProjector g = p.projector();
        if (g == null) {
            throw new IllegalArgumentException(p.name() + " gives no location: it cannot be compared");
        }
        return g;
    }

    private static double[] apply(double[] h, double u, double v) {
        double w = h[6] * u + h[7] * v + h[8];
        return new double[] {(h[0] * u + h[1] * v + h[2]) / w, (h[3] * u + h[4] * v + h[5]) / w};
    }

    /** The inverse of a row-major 3 × 3 matrix (a registration's homography is never singular). */
    static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
        double det = a * A + b * B + c * C;
        return new double[] {A / det, -(b * i - c * h) / det, (b * f - c * e) / det,
                B / det, (a * i - c * g) / det, -(a * f - c * d) / det,
                C / det, -(a * h - b * g) / det, (a * e - b * d) / det};
    }
}
