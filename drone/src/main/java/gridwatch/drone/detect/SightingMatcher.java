package gridwatch.drone.detect;

import gridwatch.drone.georef.GroundPoint;
import gridwatch.geo.earth.Wgs84;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which detections of a photo are objects the patrol has already seen in an overlapping photo: same group,
 * and ground positions closer than their combined uncertainty √(r₁² + r₂²) (each r is the georeference's radius, so
 * two sightings of one object lie within it; docs/drone.md measured 1.2–5.4 m between photos at ~40 m against radii
 * of ~7 m). Pairs are taken closest first and each side at most once, so three cars parked side by side in two photos
 * stay three objects. Two detections of one photo are never one object (the detector's NMS already merged its
 * duplicates). Stateless.
 */
public final class SightingMatcher {

    private SightingMatcher() {
    }

    /** For each detection that is a known object, its index → that object. Detections without a ground position match nothing. */
    public static Map<Integer, KnownObject> match(List<GroundDetection> detections, List<KnownObject> known) {
        record Pair(int detection, KnownObject object, double distanceM) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < detections.size(); i++) {
            GroundDetection d = detections.get(i);
            GroundPoint g = d.ground();
            if (g == null) {
                continue;
            }
            for (KnownObject k : known) {
                if (!k.group().equals(d.group())) {
                    continue;
                }
                double dist = Wgs84.distanceM(g.position(), k.position());
                if (dist <= Math.hypot(g.uncertaintyM(), k.uncertaintyM())) {
                    pairs.add(new Pair(i, k, dist));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::distanceM));
        Map<Integer, KnownObject> out = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Pair p : pairs) {
            if (!out.containsKey(p.detection()) && taken.add(p.object().key())) {
                out.put(p.detection(), p.object());
            }
        }
        return out;
    }
}
