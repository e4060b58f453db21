package gridwatch.geo.grid;

import gridwatch.geo.datum.Datum;
import gridwatch.geo.earth.LatLon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridIndexTest {

    /** Shanghai, Xuhui: inside the box where GCJ-02 and BD-09 differ from WGS-84 by hundreds of metres. */
    private static final SquareGrid SHANGHAI = new SquareGrid(new LatLon(31.17, 121.43), 6, 5, 200);

    @TempDir
    Path dir;

    @Test
    void aPointIsInTheCellDrawnAroundIt() throws Exception {
        GridIndex grid = new GeoJsonGridReader().read(SHANGHAI.write(dir.resolve("g.geojson"), Datum.WGS84, 1), Datum.WGS84);
        assertThat(grid.size()).isEqualTo(30);
        assertThat(grid.cellAt(SHANGHAI.at(250, 450))).map(GridCell::code).contains(SquareGrid.code(1, 2));
        assertThat(grid.cellAt(SHANGHAI.at(250, 450))).map(GridCell::name).contains("测试 第14网格");
        assertThat(grid.cellAt(SHANGHAI.at(-10, 450))).isEmpty();
    }

    @Test
    void anUncertaintyCircleAcrossABoundaryNamesBothCells() throws Exception {
        GridIndex grid = new GeoJsonGridReader().read(SHANGHAI.write(dir.resolve("g.geojson"), Datum.WGS84, 1), Datum.WGS84);

        CellMatch middle = grid.locate(SHANGHAI.at(300, 500), 7);
        assertThat(middle.cell().code()).isEqualTo(SquareGrid.code(1, 2));
        assertThat(middle.nearBoundary()).isFalse();
        assertThat(middle.neighbours()).isEmpty();
        assertThat(middle.boundaryDistanceM()).isCloseTo(100, org.assertj.core.api.Assertions.within(0.05));

        // 3 m west of the line between columns 1 and 2, 7 m uncertain: both cells.
        CellMatch edge = grid.locate(SHANGHAI.at(397, 500), 7);
        assertThat(edge.cell().code()).isEqualTo(SquareGrid.code(1, 2));
        assertThat(edge.nearBoundary()).isTrue();
        assertThat(edge.neighbours()).extracting(GridCell::code).containsExactly(SquareGrid.code(2, 2));
        assertThat(edge.boundaryDistanceM()).isCloseTo(3, org.assertj.core.api.Assertions.within(0.05));

        // Near a corner: three neighbours, nearest first.
        CellMatch corner = grid.locate(SHANGHAI.at(398, 397), 7);
        assertThat(corner.cell().code()).isEqualTo(SquareGrid.code(1, 1));
        assertThat(corner.neighbours()).extracting(GridCell::code)
                .containsExactly(SquareGrid.code(2, 1), SquareGrid.code(1, 2), SquareGrid.code(2, 2));

        // Just outside the grid: in no cell, but the circle reaches one.
        CellMatch outside = grid.locate(SHANGHAI.at(-4, 500), 7);
        assertThat(outside.cell()).isNull();
        assertThat(outside.nearBoundary()).isTrue();
        assertThat(outside.neighbours()).extracting(GridCell::code).containsExactly(SquareGrid.code(0, 2));

        // On the outer edge of the grid with nothing beyond: near the boundary, no neighbour.
        CellMatch rim = grid.locate(SHANGHAI.at(3, 500), 7);
        assertThat(rim.cell().code()).isEqualTo(SquareGrid.code(0, 2));
        assertThat(rim.nearBoundary()).isTrue();
        assertThat(rim.neighbours()).isEmpty();
    }

    @Test
    void aGcj02GridFileGivesTheSameCellsAsItsWgs84Twin() throws Exception {
        GridIndex wgs = new GeoJsonGridReader().read(SHANGHAI.write(dir.resolve("wgs.geojson"), Datum.WGS84, 8), Datum.WGS84);
        Path gcjFile = SHANGHAI.write(dir.resolve("gcj.geojson"), Datum.GCJ02, 8);
        Path bdFile = SHANGHAI.write(dir.resolve("bd.geojson"), Datum.BD09, 8);
        GridIndex gcj = new GeoJsonGridReader().read(gcjFile, Datum.GCJ02);
        GridIndex bd = new GeoJsonGridReader().read(bdFile, Datum.BD09);
        GridIndex gcjTakenAsWgs = new GeoJsonGridReader().read(gcjFile, Datum.WGS84);
        Random random = new Random(11);
        int wrongWhenNotConverted = 0;
        for (int i = 0; i < 2000; i++) {
            double e = random.nextDouble() * 1300 - 50;
            double n = random.nextDouble() * 1100 - 50;
            if (Math.abs(e - 200 * Math.round(e / 200)) < 0.05 || Math.abs(n - 200 * Math.round(n / 200)) < 0.05) {
                continue; // within 5 cm of a cell line: the twins agree to well under that, not to zero
            }
            LatLon p = SHANGHAI.at(e, n);
            String expected = wgs.cellAt(p).map(GridCell::code).orElse("none");
            assertThat(gcj.cellAt(p).map(GridCell::code).orElse("none")).as("GCJ-02 at %s", p).isEqualTo(expected);
            assertThat(bd.cellAt(p).map(GridCell::code).orElse("none")).as("BD-09 at %s", p).isEqualTo(expected);
            if (!gcjTakenAsWgs.cellAt(p).map(GridCell::code).orElse("none").equals(expected)) {
                wrongWhenNotConverted++;
            }
        }
        // The trap the datum field exists for: read as WGS-84, the GCJ-02 file puts most points in the wrong cell.
        assertThat(wrongWhenNotConverted).isGreaterThan(900);
    }

    @Test
    void everyProblemOfAFileIsReportedWithItsFeature() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.geojson"), """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":110105013001001,"name":"数字编码"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
                 {"type":"Feature","properties":{"code":"A","name":"开口"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}},
                 {"type":"Feature","properties":{"code":"B","name":"自交"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}},
                 {"type":"Feature","properties":{"code":"C","name":"点"},"geometry":{"type":"Point","coordinates":[0,0]}}
                ]}
                """);
        assertThatThrownBy(() -> new GeoJsonGridReader().read(file, Datum.WGS84))
                .isInstanceOfSatisfying(GridFileException.class, e -> assertThat(e.problems()).satisfiesExactly(
                        p -> assertThat(p).contains("features[0]").contains("write it in quotes"),
                        p -> assertThat(p).contains("features[1] (A)").contains("not closed"),
                        p -> assertThat(p).contains("features[2] (B)").contains("Self-intersection"),
                        p -> assertThat(p).contains("features[3] (C)").contains("Polygon or MultiPolygon")));
    }
}
