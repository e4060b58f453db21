package gridwatch.detectors.core;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Where on the ground a finding is, when a rule knows better than the device's own position (a drone photo locates
 * each object it sees). WGS-84 degrees.
 *
 * @param uncertaintyM radius in metres of the circle the object is in, as the locating step estimated it
 * @param gridCell     the grid cell (网格) the point is in, from the site's grid file, when the rule assigned one; the
 *                     alert's grid cell is then this one, not the device zone's
 */
public record GroundLocation(double lat, double lon, double uncertaintyM, @Nullable GroundCell gridCell) {

    public GroundLocation {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a WGS-84 position: " + lat + ", " + lon);
        }
        if (!(uncertaintyM >= 0) || Double.isInfinite(uncertaintyM)) {
            throw new IllegalArgumentException("uncertainty must be a finite radius >= 0 m, got " + uncertaintyM);
        }
    }

    /** A position without a grid cell. */
    public GroundLocation(double lat, double lon, double uncertaintyM) {
        this(lat, lon, uncertaintyM, null);
    }

    /**
     * A grid cell a located point falls in.
     *
     * @param nearBoundary whether the uncertainty circle crosses the cell's boundary
     * @param neighbours   the other cells the circle reaches into, nearest first
     */
    public record GroundCell(String code, @Nullable String name, boolean nearBoundary, List<CellRef> neighbours) {

        public GroundCell {
            neighbours = List.copyOf(neighbours);
        }
    }

    /** A grid cell by its code and name. */
    public record CellRef(String code, @Nullable String name) {
    }
}
