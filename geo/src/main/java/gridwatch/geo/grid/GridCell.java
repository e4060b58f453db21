package gridwatch.geo.grid;

import org.locationtech.jts.geom.Geometry;

/**
 * One grid cell (网格): its code as the center writes it (a string: 15- and 20-digit codes and
 * leading zeros do not survive as numbers), its Chinese name, and its area in WGS-84 degrees
 * (x = longitude, y = latitude; a Polygon or MultiPolygon, converted from the file's datum on load).
 */
public record GridCell(String code, String name, Geometry area) {

    @Override
    public String toString() {
        return code + " " + name;
    }
}
