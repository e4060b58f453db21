package gridwatch.config;

import gridwatch.config.model.EdgeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DroneSectionTest {

    private static final String BOX = """
            gateway: {id: drone-box}
            uplink: {broker: "tcp://127.0.0.1:1883"}
            devices: []
            categories: {}
            """;

    @TempDir
    Path dir;

    @Test
    void theGridFileIsRelativeToTheConfigAndItsDatumIsKept() throws Exception {
        Files.createDirectories(dir.resolve("grids"));
        Files.writeString(dir.resolve("grids/cells.geojson"), "{}");
        Path file = Files.writeString(dir.resolve("box.yaml"), BOX + """
                drone:
                  groundElevationM: 158.5
                  grid: {file: grids/cells.geojson, datum: gcj02}
                """);
        EdgeConfig c = new EdgeConfigLoader().load(file);
        assertThat(c.drone().groundElevationM()).isEqualTo(158.5);
        assertThat(c.drone().grid().file()).isEqualTo(dir.resolve("grids/cells.geojson"));
        assertThat(c.drone().grid().datum()).isEqualTo("gcj02");
        assertThat(c.drone().cameraProfile()).isEqualTo("drone-camera");
    }

    @Test
    void aBoxWithoutDronesHasAnEmptySection() throws Exception {
        EdgeConfig c = new EdgeConfigLoader().load(Files.writeString(dir.resolve("box.yaml"), BOX));
        assertThat(c.drone().grid()).isNull();
        assertThat(c.drone().groundElevationM()).isNull();
    }

    @Test
    void aGridWithoutItsDatumOrFileIsAnErrorAtItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("box.yaml"), BOX + """
                drone:
                  grid: {file: missing.geojson}
                """);
        assertThatThrownBy(() -> new EdgeConfigLoader().load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.errors()).map(ConfigError::format).anySatisfy(m -> assertThat(m).contains("box.yaml:6").contains("datum")));
        Path wrongFile = Files.writeString(dir.resolve("box2.yaml"), BOX + """
                drone:
                  grid: {file: missing.geojson, datum: wgs84}
                """);
        assertThatThrownBy(() -> new EdgeConfigLoader(List.of(new FileCheck())).load(wrongFile)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.errors()).map(ConfigError::format).anySatisfy(m -> assertThat(m).contains("drone.grid.file")));
    }
}
