package gridwatch.geo.datum;

import gridwatch.geo.earth.LatLon;

/**
 * GCJ-02 and BD-09 to and from WGS-84, with the public formulas every open implementation shares
 * (googollee/eviltransform; Krasovsky a = 6378245 m as AMap uses). GCJ-02 and BD-09 apply only inside
 * a rough box around China: outside it a point is left as it is, as those implementations do.
 *
 * <p>WGS-84 → GCJ-02 is a closed formula; GCJ-02 → WGS-84 has none, so it is solved by fixed-point
 * iteration until the forward formula reproduces the input to 1e-9° (about 0.1 mm), which takes
 * 3–5 rounds. BD-09 is GCJ-02 shifted by Baidu's published formula (with x_pi = π·3000/180, as
 * Baidu's bd_encrypt and hujiulong/gcoord; some old copies use π instead, which moves points by
 * about 10 m); its inverse starts from Baidu's closed form and is refined the same way.
 */
public final class ChinaDatums {

    private static final double KRASOVSKY_A = 6_378_245.0;
    private static final double KRASOVSKY_EE = 0.006_693_421_622_965_943_23;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;
    private static final double EXACT_DEG = 1e-9;

    private ChinaDatums() {
    }

    /** A position drawn in {@code datum}, in WGS-84. */
    public static LatLon toWgs84(Datum datum, LatLon p) {
        return switch (datum) {
            case WGS84 -> p;
            case GCJ02 -> gcj02ToWgs84(p);
            case BD09 -> gcj02ToWgs84(bd09ToGcj02(p));
        };
    }

    /** A WGS-84 position as {@code datum} draws it. */
    public static LatLon fromWgs84(Datum datum, LatLon p) {
        return switch (datum) {
            case WGS84 -> p;
            case GCJ02 -> wgs84ToGcj02(p);
            case BD09 -> gcj02ToBd09(wgs84ToGcj02(p));
        };
    }

    /** Whether GCJ-02 leaves this point alone (outside the box the formulas apply in). */
    public static boolean outOfChina(LatLon p) {
        return p.lon() < 72.004 || p.lon() > 137.8347 || p.lat() < 0.8293 || p.lat() > 55.8271;
    }

    public static LatLon wgs84ToGcj02(LatLon wgs) {
        if (outOfChina(wgs)) {
            return wgs;
        }
        double[] d = delta(wgs.lat(), wgs.lon());
        return new LatLon(wgs.lat() + d[0], wgs.lon() + d[1]);
    }

    public static LatLon gcj02ToWgs84(LatLon gcj) {
        if (outOfChina(gcj)) {
            return gcj;
        }
        double lat = gcj.lat();
        double lon = gcj.lon();
        for (int i = 0; i < 30; i++) {
            double[] d = delta(lat, lon);
            double errLat = lat + d[0] - gcj.lat();
            double errLon = lon + d[1] - gcj.lon();
            if (Math.abs(errLat) < EXACT_DEG && Math.abs(errLon) < EXACT_DEG) {
                break;
            }
            lat -= errLat;
            lon -= errLon;
        }
        return new LatLon(lat, lon);
    }

    public static LatLon gcj02ToBd09(LatLon gcj) {
        if (outOfChina(gcj)) {
            return gcj;
        }
        double x = gcj.lon();
        double y = gcj.lat();
        double z = Math.hypot(x, y) + 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
        return new LatLon(z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065);
    }

    /** Baidu's closed-form inverse (good to about a decimetre), refined like GCJ-02's until the forward formula reproduces the input. */
    public static LatLon bd09ToGcj02(LatLon bd) {
        if (outOfChina(bd)) {
            return bd;
        }
        double x = bd.lon() - 0.0065;
        double y = bd.lat() - 0.006;
        double z = Math.hypot(x, y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        double lat = z * Math.sin(theta);
        double lon = z * Math.cos(theta);
        for (int i = 0; i < 30; i++) {
            LatLon again = gcj02ToBd09(new LatLon(lat, lon));
            double errLat = again.lat() - bd.lat();
            double errLon = again.lon() - bd.lon();
            if (Math.abs(errLat) < EXACT_DEG && Math.abs(errLon) < EXACT_DEG) {
                break;
            }
            lat -= errLat;
            lon -= errLon;
        }
        return new LatLon(lat, lon);
    }

    /** GCJ-02 minus WGS-84 at a WGS-84 point, degrees {lat, lon}. */
    private static double[] delta(double lat, double lon) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double common = 20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI);
        double dLat = (common + 20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)
                + 160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0
                - 100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        double dLon = (common + 20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)
                + 150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0
                + 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        double radLat = Math.toRadians(lat);
        double magic = 1 - KRASOVSKY_EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = dLat * 180.0 / (KRASOVSKY_A * (1 - KRASOVSKY_EE) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLat, dLon};
    }
}
