package gridwatch.detectors.vision.density;

import gridwatch.detectors.vision.zone.ImageZone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums a density map over each of a camera's image zones. A cell belongs to a zone when its centre is
 * inside the zone's polygon and outside every exclude mask, so a zone's count is the people standing
 * on its ground, as for detections (which test their foot point). The cells of each zone are worked
 * out once per map size and kept (a camera's map size does not change).
 *
 * <p>Heap only. Thread-safe (synchronized): the density worker sums, one camera at a time.
 */
public final class DensityZones {

    private final List<ImageZone> zones;
    private int width = -1;
    private int height = -1;
    /** Per zone, in {@link #zones}' order: the indices of its cells in the current map size. */
    private final List<int[]> cells = new ArrayList<>();

    public DensityZones(List<ImageZone> zones) {
        this.zones = List.copyOf(zones);
    }

    /** Per zone id, in the camera's zone order. */
    public synchronized Map<String, ZoneDensity> sum(DensityMap map) {
        if (map.width() != width || map.height() != height) {
            index(map.width(), map.height());
        }
        Map<String, ZoneDensity> out = new LinkedHashMap<>();
        double all = (double) map.width() * map.height();
        float[] v = map.cells();
        for (int k = 0; k < zones.size(); k++) {
            ImageZone z = zones.get(k);
            int[] in = cells.get(k);
            double s = 0;
            for (int i : in) {
                s += v[i];
            }
            out.put(z.id(), new ZoneDensity(s, in.length / all));
        }
        return out;
    }

    private void index(int w, int h) {
        cells.clear();
        for (ImageZone z : zones) {
            int[] buf = new int[w * h];
            int n = 0;
            for (int y = 0; y < h; y++) {
                double ny = (y + 0.5) / h;
                for (int x = 0; x < w; x++) {
                    if (z.containsPoint((x + 0.5) / w, ny)) {
                        buf[n++] = y * w + x;
                    }
                }
            }
            cells.add(Arrays.copyOf(buf, n));
        }
        width = w;
        height = h;
    }
}
