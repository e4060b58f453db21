package gridwatch.geo.grid;

import gridwatch.geo.datum.ChinaDatums;
import gridwatch.geo.datum.Datum;
import gridwatch.geo.earth.LatLon;
import gridwatch.geo.earth.Wgs84;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Test grids: {@code cols × rows} square cells of {@code sizeM} metres north-east of an origin, written as GeoJSON in any datum. */
record SquareGrid(LatLon origin, int cols, int rows, double sizeM) {

    static String code(int col, int row) {
        return String.format(Locale.ROOT, "310104013%03d%03d", row, col);
    }

    LatLon at(double eastM, double northM) {
        return Wgs84.offset(origin, eastM, northM);
    }

    /** The GeoJSON text, each cell's edges sampled every {@code sizeM/perEdge} metres (so a datum shift bends them as it would a traced grid). */
    String geoJson(Datum datum, int perEdge) {
        List<String> features = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                List<String> ring = new ArrayList<>();
                double x0 = c * sizeM;
                double y0 = r * sizeM;
                double[][] corners = {{x0, y0}, {x0 + sizeM, y0}, {x0 + sizeM, y0 + sizeM}, {x0, y0 + sizeM}};
                for (int k = 0; k < 4; k++) {
                    double[] a = corners[k];
                    double[] b = corners[(k + 1) % 4];
                    for (int s = 0; s < perEdge; s++) {
                        double t = (double) s / perEdge;
                        ring.add(position(datum, at(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)));
                    }
                }
                ring.add(ring.getFirst());
                features.add("{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code(c, r) + "\",\"name\":\"测试 第" + (r * cols + c + 1)
                        + "网格\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + String.join(",", ring) + "]]}}");
            }
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", features) + "\n]}\n";
    }

    Path write(Path file, Datum datum, int perEdge) throws IOException {
        Files.writeString(file, geoJson(datum, perEdge));
        return file;
    }

    private static String position(Datum datum, LatLon wgs) {
        LatLon p = ChinaDatums.fromWgs84(datum, wgs);
        return String.format(Locale.ROOT, "[%.9f,%.9f]", p.lon(), p.lat());
    }
}
