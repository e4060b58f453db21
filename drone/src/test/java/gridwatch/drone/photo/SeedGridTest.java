package gridwatch.drone.photo;

import gridwatch.drone.TestPhotos;
import gridwatch.drone.TestSettings;
import gridwatch.geo.datum.Datum;
import gridwatch.geo.grid.CellMatch;
import gridwatch.geo.grid.GeoJsonGridReader;
import gridwatch.geo.grid.GridIndex;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic grid in seeds/ covers the shared Brighton photos, so the tool and the demo have cells to name. */
class SeedGridTest {

    static final Path SEED_GRID = Path.of("../seeds/drone/brighton-park-grid.geojson");

    @Test
    void everyPhotoOfThePatrolFallsInTheSeedGrid() throws Exception {
        GridIndex grid = new GeoJsonGridReader().read(SEED_GRID, Datum.WGS84);
        assertThat(grid.size()).isEqualTo(16);
        PhotoAnalyzer analyzer = new PhotoAnalyzer(TestSettings.brighton(false));
        for (int n : new int[] {18, 20, 22, 26, 30, 32}) {
            AnalyzedPhoto p = analyzer.analyze(TestPhotos.brighton(n));
            for (double[] px : new double[][] {{0, 0}, {1000, 0}, {1000, 563}, {0, 563}, {500, 281.5}}) {
                CellMatch m = grid.locate(p.locate(px[0], px[1]).orElseThrow().position(), 0);
                assertThat(m.cell()).as("DJI_%04d at %s", n, px).isNotNull();
            }
        }
        // The picnic table (design note fixture B) is well inside cell 07; a point of the same photo 6 m from the line
        // between cells 06 and 07 is near the boundary, and its circle names both.
        AnalyzedPhoto p30 = analyzer.analyze(TestPhotos.brighton(30));
        var table = p30.locate(588.7, 35.1).orElseThrow();
        CellMatch inside = grid.locate(table.position(), table.uncertaintyM());
        assertThat(inside.cell().code()).isEqualTo("990001001001007");
        assertThat(inside.cell().name()).isEqualTo("布赖顿海滩公园 第07网格");
        assertThat(inside.nearBoundary()).isFalse();
        var edge = p30.locate(200, 140).orElseThrow();
        CellMatch near = grid.locate(edge.position(), edge.uncertaintyM());
        assertThat(near.cell().code()).isEqualTo("990001001001006");
        assertThat(near.nearBoundary()).isTrue();
        assertThat(near.neighbours()).extracting(gridwatch.geo.grid.GridCell::code).containsExactly("990001001001007");
    }
}
