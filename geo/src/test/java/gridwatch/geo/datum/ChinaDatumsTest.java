package gridwatch.geo.datum;

import gridwatch.geo.earth.LatLon;
import gridwatch.geo.earth.Wgs84;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChinaDatumsTest {

    /** googollee/eviltransform's test points (go/transform_test.go): WGS-84 → GCJ-02. */
    private static final double[][] EVILTRANSFORM = {
            {31.1774276, 121.5272106, 31.17530398364597, 121.531541859215},   // Shanghai
            {22.543847, 113.912316, 22.540796131694766, 113.9171764808363},   // Shenzhen
            {39.911954, 116.377817, 39.91334545536069, 116.38404722455657},   // Beijing
    };

    @Test
    void wgs84ToGcj02MatchesThePublishedPointsToACentimetre() {
        for (double[] t : EVILTRANSFORM) {
            LatLon gcj = ChinaDatums.wgs84ToGcj02(new LatLon(t[0], t[1]));
            assertThat(Wgs84.distanceM(gcj, new LatLon(t[2], t[3]))).as("%s", gcj).isLessThan(0.01);
        }
    }

    @Test
    void gcj02ToWgs84InvertsThePublishedPointsToAMillimetre() {
        for (double[] t : EVILTRANSFORM) {
            LatLon wgs = ChinaDatums.gcj02ToWgs84(new LatLon(t[2], t[3]));
            // The published GCJ values are themselves rounded to ~1e-14°, and the forward formula to 1e-9° here.
            assertThat(Wgs84.distanceM(wgs, new LatLon(t[0], t[1]))).as("%s", wgs).isLessThan(0.01);
        }
    }

    @Test
    void gcj02ToBd09MatchesAPublishedPoint() {
        // hujiulong/gcoord test/unit/crs/GCJ02.spec.js: GCJ-02 (123, 45) → BD-09 (123.00636499, 45.00636899).
        LatLon bd = ChinaDatums.gcj02ToBd09(new LatLon(45, 123));
        assertThat(bd.lon()).isCloseTo(123.00636499, within(1e-8));
        assertThat(bd.lat()).isCloseTo(45.00636899, within(1e-8));
    }

    @Test
    void bd09ToGcj02InvertsThePublishedPoint() {
        LatLon gcj = ChinaDatums.bd09ToGcj02(new LatLon(45.00636899, 123.00636499));
        assertThat(Wgs84.distanceM(gcj, new LatLon(45, 123))).isLessThan(0.01);
    }

    @Test
    void everyPointInChinaRoundTripsThroughBothDatums() {
        double worstGcj = 0;
        double worstBd = 0;
        for (double lat = 18.5; lat <= 53; lat += 0.77) {
            for (double lon = 74; lon <= 134; lon += 0.93) {
                LatLon wgs = new LatLon(lat, lon);
                worstGcj = Math.max(worstGcj, Wgs84.distanceM(wgs, ChinaDatums.toWgs84(Datum.GCJ02, ChinaDatums.fromWgs84(Datum.GCJ02, wgs))));
                worstBd = Math.max(worstBd, Wgs84.distanceM(wgs, ChinaDatums.toWgs84(Datum.BD09, ChinaDatums.fromWgs84(Datum.BD09, wgs))));
            }
        }
        assertThat(worstGcj).as("GCJ-02 round trip, m").isLessThan(0.001);
        assertThat(worstBd).as("BD-09 round trip, m").isLessThan(0.001);
    }

    @Test
    void theShiftIsHundredsOfMetresInChinaAndNothingOutside() {
        LatLon beijing = new LatLon(39.9087, 116.3975);
        assertThat(Wgs84.distanceM(beijing, ChinaDatums.wgs84ToGcj02(beijing))).isBetween(300.0, 800.0);
        assertThat(Wgs84.distanceM(beijing, ChinaDatums.fromWgs84(Datum.BD09, beijing))).isBetween(900.0, 1600.0);
        LatLon duluth = new LatLon(46.8426, -91.9939);
        assertThat(ChinaDatums.fromWgs84(Datum.GCJ02, duluth)).isEqualTo(duluth);
        assertThat(ChinaDatums.toWgs84(Datum.BD09, duluth)).isEqualTo(duluth);
    }

    @Test
    void datumNamesFromConfig() {
        assertThat(Datum.parse("GCJ-02")).isEqualTo(Datum.GCJ02);
        assertThat(Datum.parse("bd09")).isEqualTo(Datum.BD09);
        assertThat(Datum.parse("CGCS2000")).isEqualTo(Datum.WGS84);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Datum.parse("mars")).hasMessageContaining("gcj02");
    }
}
