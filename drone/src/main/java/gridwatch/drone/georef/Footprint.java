package gridwatch.drone.georef;

import gridwatch.geo.earth.LatLon;

import java.util.List;

/**
 * The ground a photo covers: a closed ring of WGS-84 points (first = last), image corners in the
 * order top-left, top-right, bottom-right, bottom-left when they all fall on the ground. A view that
 * reaches the horizon is cut at {@link GroundProjector#MAX_RANGE_HEIGHTS} times the height and
 * {@code cut} says so.
 */
public record Footprint(List<LatLon> ring, boolean cut) {

    public Footprint {
        ring = List.copyOf(ring);
    }
}
