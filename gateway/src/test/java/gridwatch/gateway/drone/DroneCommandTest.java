package gridwatch.gateway.drone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.gateway.cli.GridwatchCli;
import gridwatch.gateway.support.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code gridwatch drone} as an operator runs it: the launcher's entry point in a JVM of its own, a
 * box config with a drone section (the seed grid, relative to the config), real photos. And the
 * command's existence loads nothing of the drone module into a box that does not use it.
 */
@Tag("servers")
@Tag("models")
class DroneCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theConfigsGridAndGroundElevationAreUsedAndEachPhotoGetsALine() throws Exception {
        Path grid = Files.copy(Path.of("../seeds/drone/brighton-park-grid.geojson"), dir.resolve("park.geojson"));
        Path config = Files.writeString(dir.resolve("box.yaml"), """
                gateway: {id: drone-box}
                site: {timeZone: America/Chicago}
                uplink: {broker: "tcp://127.0.0.1:1883"}
                devices: []
                categories: {}
                drone:
                  groundElevationM: 158.5
                  grid: {file: %s, datum: wgs84}
                """.formatted(grid.getFileName()));
        Run r = run("drone", SharedData.path("testdata/drone/brighton_DJI_0030_w1000.jpg").toString(),
                SharedData.path("testdata/drone/agung_DJI_20251001132715_0396_D_POOR_SHARPNESS.JPG").toString(),
                "--pixel", "588.7,35.1", "--config", config.toString(), "--annotate", dir.resolve("out").toString());
        assertThat(r.exit).as(r.stderr).isZero();
        assertThat(r.lines).hasSize(2);
        JsonNode p30 = r.lines.getFirst();
        assertThat(p30.path("pose").path("heightSource").asText()).isEqualTo("ABSOLUTE_ALTITUDE_MINUS_SITE_GROUND");
        assertThat(p30.path("pose").path("heightM").asDouble()).isCloseTo(198.61 - 158.5, within(0.01));
        assertThat(p30.path("capturedAt").asText()).isEqualTo("2016-06-23T21:33:27Z");
        assertThat(p30.path("pixels").get(0).path("gridCell").path("code").asText()).isEqualTo("990001001001007");
        assertThat(r.lines.get(1).path("warnings").findValuesAsText("code")).contains("NO_ALTITUDE", "BLURRED");
        assertThat(dir.resolve("out/brighton_DJI_0030_w1000.annotated.jpg")).exists();
    }

    @Test
    void aGridWithoutItsDatumIsRefusedWithTheReason() throws Exception {
        Run r = run("drone", SharedData.path("testdata/drone/brighton_DJI_0030_w1000.jpg").toString(),
                "--grid", Path.of("../seeds/drone/brighton-park-grid.geojson").toAbsolutePath().toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.stderr).contains("--grid-datum").contains("never guessed");
        assertThat(r.lines).isEmpty();
    }

    @Test
    void anotherCommandLoadsNoDroneOrGeoClass() throws Exception {
        Path config = Files.writeString(dir.resolve("box.yaml"), """
                gateway: {id: plain-box}
                uplink: {broker: "tcp://127.0.0.1:1883"}
                devices: []
                categories: {}
                """);
        Path classLog = dir.resolve("classes.log");
        Run r = run(List.of("-Xlog:class+load=info:file=" + classLog), "validate", config.toString());
        assertThat(r.exit).as(r.stderr).isZero();
        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).anyMatch(l -> l.contains(" gridwatch.gateway.cli.DroneCommand "));
        assertThat(loaded).filteredOn(l -> l.matches(".* (gridwatch\\.drone\\.|gridwatch\\.geo\\.|gridwatch\\.gateway\\.drone\\.|com\\.drew\\.|org\\.locationtech\\.).*"))
                .as("drone, geo, metadata-extractor or JTS classes loaded by 'validate'").isEmpty();
    }

    private record Run(int exit, List<JsonNode> lines, String stderr) {
    }

    private Run run(String... args) throws Exception {
        return run(List.of(), args);
    }

    private Run run(List<String> jvmFlags, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m"));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), GridwatchCli.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout-" + System.nanoTime());
        Path err = dir.resolve("stderr-" + System.nanoTime());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("gridwatch " + String.join(" ", args) + " did not finish in 120 s");
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (l.startsWith("{")) {
                lines.add(JSON.readTree(l));
            }
        }
        return new Run(p.exitValue(), lines, Files.readString(err, StandardCharsets.UTF_8));
    }
}
