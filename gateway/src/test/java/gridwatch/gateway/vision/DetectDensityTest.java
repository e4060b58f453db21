package gridwatch.gateway.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.gateway.cli.GridwatchCli;
import gridwatch.gateway.support.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gridwatch detect} as an operator runs it, in a JVM of its own (the launcher's entry point), on
 * the real UCF_CC_50 concert photo (209 heads): per zone the detector's, the density model's and the
 * hybrid count, and the heat overlay on the annotated copy. The models are found the way the launcher
 * finds them, under {@code GRIDWATCH_HOME}: here a directory whose {@code models/} links to the team's files.
 */
@Tag("models")
class DetectDensityTest {

    private static final String CROWD = "testdata/crowd2/ucfcc50_16.jpg";

    @TempDir
    Path dir;

    /** Removes the links before JUnit cleans up (it warns about links that point out of its directory). */
    @AfterEach
    void unlink() throws Exception {
        Path m = dir.resolve("home/models");
        if (Files.isDirectory(m)) {
            try (var links = Files.list(m)) {
                for (Path l : links.toList()) {
                    Files.delete(l);
                }
            }
        }
    }

    private record Run(int exit, List<JsonNode> lines, List<String> err) {
    }

    /** A GRIDWATCH_HOME whose models/ holds links to the given shared models. */
    private Path home(String... models) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path m = Files.createDirectories(home.resolve("models"));
        for (String name : models) {
            Files.createSymbolicLink(m.resolve(name), SharedData.path("models/" + name));
        }
        return home;
    }

    private Run detect(Path home, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.offline=true", "-DGRIDWATCH_LOG_LEVEL=WARN"));
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), GridwatchCli.class.getName(), "detect"));
        cmd.addAll(List.of(args));
        Path work = Files.createDirectories(dir.resolve("work"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("GRIDWATCH_HOME", home.toString());
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1"); // as the launcher: see README "ONNX Runtime telemetry"
        pb.environment().put("OPT_OUT_TRACKING", "true");
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("detect finished").isTrue();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("out.txt"))) {
            if (l.startsWith("{")) {
                lines.add(json.readTree(l));
            }
        }
        return new Run(p.exitValue(), lines, Files.readAllLines(dir.resolve("err.txt")));
    }

    @Test
    void withoutAConfigTheWholePictureIsOneZoneCountedByDetectorDensityAndHybrid() throws Exception {
        Run r = detect(home("yolox_nano.onnx", "mcnn_shtechA.onnx"), SharedData.path(CROWD).toString());
        assertThat(r.exit()).as(String.join("\n", r.err())).isZero();
        assertThat(r.err()).noneMatch(l -> l.contains("skipped"));
        assertThat(r.lines()).hasSize(1);
        JsonNode frame = r.lines().getFirst().at("/zones/frame");
        assertThat(frame.get("detector").asInt()).isLessThan(20);
        assertThat(frame.get("density").asDouble()).isBetween(150.0, 420.0);
        assertThat(frame.get("dense").asBoolean()).isTrue();
        assertThat(frame.get("hybrid").asInt()).isBetween(140, 420);
        Path annotated = dir.resolve("work/ucfcc50_16.annotated.jpg");
        assertThat(annotated).exists();
        // The photo is grey: colour on the copy is the heat overlay.
        assertThat(DensityCameraToAlertTest.colouredShare(Files.readAllBytes(annotated))).isGreaterThan(0.05);
        assertThat(String.join("\n", r.err())).contains("1 density estimates (mcnn_shtechA.onnx)").contains("heat overlay");
    }

    @Test
    void withoutADensityModelItSaysSoInOneLineAndCountsByDetectorAlone() throws Exception {
        Run r = detect(home("yolox_nano.onnx"), SharedData.path(CROWD).toString());
        assertThat(r.exit()).as(String.join("\n", r.err())).isZero();
        assertThat(r.err().stream().filter(l -> l.contains("density skipped")).toList()).singleElement().asString()
                .contains("no models/mcnn_shtechA.onnx or ../shared/models/mcnn_shtechA.onnx");
        JsonNode frame = r.lines().getFirst().at("/zones/frame");
        assertThat(frame.get("density").isNull()).isTrue();
        assertThat(frame.get("hybrid").asInt()).isEqualTo(frame.get("detector").asInt());
        assertThat(DensityCameraToAlertTest.colouredShare(Files.readAllBytes(dir.resolve("work/ucfcc50_16.annotated.jpg")))).isLessThan(0.05);
    }

    @Test
    void aConfiguredDensityModelWithAnotherChecksumIsRefusedNamingBoth() throws Exception {
        String wrong = "89472c1240358b70cb408e0f8d9d93b50d23f45a32c8f099fb4e25989daefa8c";
        Path config = dir.resolve("plaza.yaml");
        Files.writeString(config, """
                gateway: {id: plaza-box}
                uplink: {broker: "tcp://127.0.0.1:1"}
                zones: [{id: plaza-1, gridCell: {code: "310104013008", name: 广场}}]
                vision:
                  model: {path: "%s", sha256: "%s"}
                  densityModel: {path: "%s", sha256: "%s"}
                devices:
                  - id: cam-plaza
                    profile: ip-camera
                    zone: plaza-1
                    connection: {type: video, url: "%s"}
                    vision:
                      zones: [{id: square, polygon: [[0, 0], [1, 0], [1, 1], [0, 1]]}]
                      density: {}
                categories: {}
                """.formatted(SharedData.path("models/yolox_nano.onnx"), SharedData.YOLOX_NANO_SHA256,
                SharedData.path("models/mcnn_shtechA.onnx"), wrong, SharedData.path(CROWD)));
        Run r = detect(home(), SharedData.path(CROWD).toString(), "--config", config.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(String.join("\n", r.err())).contains("mcnn_shtechA.onnx has sha256 " + DensityCameraToAlertTest.MCNN_A_SHA256)
                .contains("config expects " + wrong);
        assertThat(r.lines()).isEmpty();
    }
}
