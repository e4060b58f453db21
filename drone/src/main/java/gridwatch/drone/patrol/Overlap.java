package gridwatch.drone.patrol;

import gridwatch.drone.georef.Footprint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * How much two photos' footprints overlap, as a fraction of the smaller one's area (in degrees²:
 * the ratio is what matters, and over a patrol's extent the degree cells are all alike). A turn of
 * 180° about the centre barely changes a nadir footprint, so this is safe to use for photos whose
 * yaw is in doubt.
 */
public final class Overlap {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private Overlap() {
    }

    public static double of(Footprint a, Footprint b) {
        Geometry pa = polygon(a);
        Geometry pb = polygon(b);
        double smaller = Math.min(pa.getArea(), pb.getArea());
        if (!(smaller > 0) || !pa.getEnvelopeInternal().intersects(pb.getEnvelopeInternal())) {
            return 0;
        }
        return pa.intersection(pb).getArea() / smaller;
    }

    public static Geometry polygon(Footprint f) {
        Coordinate[] cs = f.ring().stream().map(p -> new Coordinate(p.lon(), p.lat())).toArray(Coordinate[]::new);
        Geometry g = GEOMETRY.createPolygon(cs);
        return g.isValid() ? g : g.buffer(0);
    }
}
