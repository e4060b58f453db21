package gridwatch.config;

import gridwatch.config.model.CameraVisionConfig;
import gridwatch.config.model.EdgeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A camera's density counting in the box config: defaults, overrides, the model it falls back to, and the errors. */
class DensityConfigTest {

    private static final String SHA_A = "cb4e9ff439ad497a1bddb9eab0f6b5cbf711a8a3b26f232fd90c27def9f725cb";
    private static final String SHA_B = "89472c1240358b70cb408e0f8d9d93b50d23f45a32c8f099fb4e25989daefa8c";

    @TempDir
    Path dir;

    private Path write(String visionBlock, String cameraDensity) throws Exception {
        Files.createDirectories(dir.resolve("models"));
        for (String m : List.of("models/yolox.onnx", "models/mcnn_a.onnx", "models/mcnn_b.onnx")) {
            Files.writeString(dir.resolve(m), "not a real model; the loader checks the file is there");
        }
        Files.writeString(dir.resolve("rec.avi"), "a recording");
        Path file = dir.resolve("box.yaml");
        Files.writeString(file, """
                gateway: {id: plaza-box}
                uplink: {broker: "tcp://127.0.0.1:1883"}
                zones: [{id: plaza-1, gridCell: {code: "310104013007", name: 广场}}]
                vision:
                  model: {path: models/yolox.onnx, sha256: "%s"}
                %s
                devices:
                  - id: cam-plaza
                    profile: ip-camera
                    zone: plaza-1
                    connection: {type: video, url: rec.avi}
                    vision:
                      zones: [{id: square, polygon: [[0, 0], [1, 0], [1, 1], [0, 1]], areaM2: 900}]
                      crowd: [{id: square-crowd, zone: square, minPeople: 100}]
                %s
                categories:
                  crowd.gathering: {code: "04-09", nameZh: 人群聚集}
                """.formatted(SHA_A, visionBlock.indent(2).stripTrailing(), cameraDensity.indent(6).stripTrailing()));
        return file;
    }

    private List<String> errors(Path file) {
        try {
            new EdgeConfigLoader(List.of(new FileCheck())).load(file);
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::format).toList();
        }
        throw new AssertionError(file + " was accepted");
    }

    @Test
    void aCameraWithAnEmptyDensityBlockCountsWithTheDefaultsAndTheBoxsModel() throws Exception {
        EdgeConfig c = new EdgeConfigLoader().load(write("densityModel: {path: models/mcnn_a.onnx, sha256: \"" + SHA_A + "\"}", "density: {}"));
        CameraVisionConfig.DensityConfig d = c.devices().getFirst().vision().density();
        assertThat(d.model()).isNull();
        assertThat(d.inputWidth()).isEqualTo(960);
        assertThat(d.periodSeconds()).isEqualTo(5.0);
        assertThat(d.switchOver()).isEqualTo(25.0);
        assertThat(d.noiseFloor()).isEqualTo(8.0);
        assertThat(c.vision().densityModel().path()).isEqualTo(dir.resolve("models/mcnn_a.onnx"));
        assertThat(c.vision().densityModel().threads()).isEqualTo(1);
    }

    @Test
    void aCameraMayOverrideEverySettingAndNameItsOwnModel() throws Exception {
        EdgeConfig c = new EdgeConfigLoader().load(write("densityModel: {path: models/mcnn_a.onnx, sha256: \"" + SHA_A + "\"}", """
                density:
                  model: {path: models/mcnn_b.onnx, sha256: "%s", threads: 2}
                  inputWidth: 1280
                  periodSeconds: 10
                  switchOver: 40
                  noiseFloor: 3.5
                """.formatted(SHA_B)));
        CameraVisionConfig.DensityConfig d = c.devices().getFirst().vision().density();
        assertThat(d.model().path()).isEqualTo(dir.resolve("models/mcnn_b.onnx"));
        assertThat(d.model().sha256()).isEqualTo(SHA_B);
        assertThat(d.model().threads()).isEqualTo(2);
        assertThat(d.inputWidth()).isEqualTo(1280);
        assertThat(d.periodSeconds()).isEqualTo(10.0);
        assertThat(d.switchOver()).isEqualTo(40.0);
        assertThat(d.noiseFloor()).isEqualTo(3.5);
    }

    @Test
    void aCameraWithoutADensityBlockDoesNotCountByDensity() throws Exception {
        EdgeConfig c = new EdgeConfigLoader().load(write("densityModel: {path: models/mcnn_a.onnx, sha256: \"" + SHA_A + "\"}", ""));
        assertThat(c.devices().getFirst().vision().density()).isNull();
    }

    @Test
    void densityWithoutAnyModelIsRefusedSayingWhereToPutOne() throws Exception {
        assertThat(errors(write("", "density: {periodSeconds: 5}"))).singleElement().asString()
                .contains("devices[0].vision.density: counting by density needs a density model: set vision.densityModel (path and sha256)");
    }

    @Test
    void badSettingsAndAMissingModelFileAreNamedAtTheirFields() throws Exception {
        List<String> errors = errors(write("densityModel: {path: models/none.onnx, sha256: \"" + SHA_A + "\"}", """
                density: {inputWidth: 962, periodSeconds: 0.2, noiseFloor: -1, sampleRate: 3}
                """));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("devices[0].vision.density.inputWidth:").contains("multiple of 4"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("devices[0].vision.density.periodSeconds:").contains("minimum value of 1"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("devices[0].vision.density.noiseFloor:").contains("minimum value of 0"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("devices[0].vision.density.sampleRate: unknown key"));
        List<String> missing = errors(write("densityModel: {path: models/mcnn_a.onnx, sha256: \"" + SHA_A + "\"}",
                "density: {model: {path: models/none.onnx, sha256: \"" + SHA_B + "\"}}"));
        assertThat(missing).singleElement().asString()
                .contains("devices[0].vision.density.model.path: file not found: " + dir.resolve("models/none.onnx"));
    }
}
