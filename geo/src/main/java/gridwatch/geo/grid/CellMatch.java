package gridwatch.geo.grid;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Where a located point falls among the grid cells, given how sure its position is.
 *
 * @param cell                the cell holding the point, or null when it is in none
 * @param nearBoundary        whether the uncertainty circle reaches past the cell's boundary (into another cell, or into
 *                            no cell): then the point may belong to one of {@code neighbours} instead, or to none
 * @param neighbours          the other cells the uncertainty circle reaches into, nearest first
 * @param boundaryDistanceM   metres from the point to its cell's boundary (NaN when it is in no cell)
 */
public record CellMatch(@Nullable GridCell cell, boolean nearBoundary, List<GridCell> neighbours, double boundaryDistanceM) {

    public CellMatch {
        neighbours = List.copyOf(neighbours);
    }
}
