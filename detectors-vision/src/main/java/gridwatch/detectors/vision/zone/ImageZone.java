package gridwatch.detectors.vision.zone;

import org.jspecify.annotations.Nullable;

import gridwatch.detectors.vision.Box;

import java.util.List;

/**
 * An area of one camera's picture that rules watch: a crowd square, a key post, a no-dumping
 * corner. {@code zoneId} ties it to a config zone (and so to a grid cell). Objects count as
 * inside when the point they stand on (bottom centre of the box) is inside the polygon and
 * outside every exclude mask (a billboard's reflection, a road the zone overlaps).
 *
 * @param areaM2 the ground area the polygon covers, when surveyed; enables density per m²
 */
public record ImageZone(String id, @Nullable String zoneId, NormalizedPolygon polygon, List<NormalizedPolygon> exclude, @Nullable Double areaM2) {

    public ImageZone {
        exclude = List.copyOf(exclude);
    }

    public boolean contains(Box b, int width, int height) {
        return containsPoint(b.footX() / width, b.footY() / height);
    }

    /** Whether the normalised point (x/width, y/height) is inside the polygon and outside every exclude mask. */
    public boolean containsPoint(double x, double y) {
        if (!polygon.contains(x, y)) {
            return false;
        }
        for (NormalizedPolygon e : exclude) {
            if (e.contains(x, y)) {
                return false;
            }
        }
        return true;
    }
}
