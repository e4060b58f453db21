package gridwatch.config;

import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.NoiseLimitRuleConfig;
import gridwatch.config.model.ReplayConnection;
import gridwatch.config.model.VideoConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EdgeConfigLoaderTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken");
    private final EdgeConfigLoader loader = new EdgeConfigLoader();

    private List<String> errorsOf(String name) {
        Path file = BROKEN.resolve(name);
        try {
            loader.load(file);
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::format).toList();
        }
        throw new AssertionError(name + " was accepted");
    }

    @Test
    void shippedDemoAndExampleConfigsAreValid() throws Exception {
        EdgeConfig demo = loader.load(Path.of("demo.yaml"));
        assertThat(demo.gateway().id()).isEqualTo("demo-box-01");
        assertThat(demo.uplink().embedded()).isTrue();
        assertThat(demo.devices().getFirst().connection()).isInstanceOf(ReplayConnection.class);
        assertThat(demo.rules().getFirst()).isInstanceOfSatisfying(NoiseLimitRuleConfig.class,
                r -> assertThat(r.areaClass()).isEqualTo("2"));
        assertThat(loader.load(Path.of("examples/site-box.yaml")).uplink().tls().caFile()).as("absolute stays").isEqualTo(Path.of("/etc/gridwatch/tls/ca.pem"));
        assertThat(loader.load(Path.of("examples/campus-camera.yaml")).devices().getFirst().vision().crowd()).hasSize(1);
        assertThat(loader.load(Path.of("examples/site-gate-camera.yaml")).devices().getFirst().vision().muckTruck().getFirst().line())
                .isEqualTo("gate-exit");
    }

    /** The box's file, with every kind of path the schema has, relative where a path can be. */
    private static final String EVERY_PATH = """
            gateway: {id: test-box}
            uplink:
              broker: "ssl://127.0.0.1:8883"
              password: {file: secrets/mqtt.password}
              tls: {caFile: tls/ca.pem, certFile: /etc/gridwatch/tls/client.pem, keyFile: tls/../tls/client.key}
            profiles: {directories: [profiles]}
            timeseries:
              influxdb: {url: "http://127.0.0.1:8086", database: gw, username: gw, password: {file: secrets/influx.password}, spoolDirectory: spool}
            vision:
              model: {path: ../models/yolox_nano.onnx, sha256: "0000000000000000000000000000000000000000000000000000000000000000"}
            devices:
              - id: noise-1
                profile: decibel-meter-rs485
                connection: {type: replay, file: traces/noise.csv}
              - id: cam-1
                profile: ip-camera
                connection: {type: video, url: recordings/gate.mp4, username: admin, password: {file: secrets/cam.password}}
              - id: cam-2
                profile: ip-camera
                connection: {type: video, url: "rtsp://192.168.1.64:554/Streaming/Channels/102"}
            categories:
              noise.construction: {code: "03-01", nameZh: 施工扰民, scheme: CJT214}
            """;

    @Test
    void everyPathIsResolvedAgainstTheConfigFilesDirectoryNotTheWorkingDirectory(@TempDir Path dir) throws Exception {
        Path box = Files.createDirectories(dir.resolve("site-box"));
        Files.createDirectories(box.resolve("secrets"));
        Files.writeString(box.resolve("secrets/mqtt.password"), "s3cret\n");
        Path file = box.resolve("box.yaml");
        Files.writeString(file, EVERY_PATH);
        assertThat(Path.of("").toAbsolutePath()).as("the test runs from elsewhere").isNotEqualTo(box);

        EdgeConfig c = loader.load(file);

        assertThat(String.valueOf(c.uplink().tls().caFile())).isEqualTo(box.resolve("tls/ca.pem").toString());
        assertThat(String.valueOf(c.uplink().tls().certFile())).as("absolute stays").isEqualTo("/etc/gridwatch/tls/client.pem");
        assertThat(String.valueOf(c.uplink().tls().keyFile())).isEqualTo(box.resolve("tls/client.key").toString());
        assertThat(new String(c.uplink().password().reveal())).isEqualTo("s3cret");
        assertThat(String.valueOf(c.outbox().directory())).as("the default too").isEqualTo(box.resolve("var/outbox").toString());
        assertThat(c.profiles().directories().stream().map(String::valueOf)).containsExactly(box.resolve("profiles").toString());
        assertThat(String.valueOf(c.timeseries().influxdb().spoolDirectory())).isEqualTo(box.resolve("spool").toString());
        assertThat(String.valueOf(c.timeseries().influxdb().password().file())).isEqualTo(box.resolve("secrets/influx.password").toString());
        assertThat(String.valueOf(c.vision().model().path())).isEqualTo(dir.resolve("models/yolox_nano.onnx").toString());
        assertThat(c.devices().get(0).connection()).isInstanceOfSatisfying(ReplayConnection.class,
                r -> assertThat(String.valueOf(r.file())).isEqualTo(box.resolve("traces/noise.csv").toString()));
        assertThat(c.devices().get(1).connection()).isInstanceOfSatisfying(VideoConnection.class, v -> {
            assertThat(v.url()).isEqualTo(box.resolve("recordings/gate.mp4").toString());
            assertThat(String.valueOf(v.password().file())).isEqualTo(box.resolve("secrets/cam.password").toString());
        });
        assertThat(c.devices().get(2).connection()).isInstanceOfSatisfying(VideoConnection.class,
                v -> assertThat(v.url()).as("a URL is not a path").isEqualTo("rtsp://192.168.1.64:554/Streaming/Channels/102"));
    }

    @Test
    void theDefaultSpoolDirectoryIsAlsoNextToTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("box.yaml");
        Files.writeString(file, EVERY_PATH.replace(", spoolDirectory: spool", ""));
        assertThat(String.valueOf(loader.load(file).timeseries().influxdb().spoolDirectory()))
                .isEqualTo(dir.resolve("var/influx-spool").toString());
    }

    @Test
    void defaultsApplyOnlyWhereTheUserSetNothing() throws Exception {
        EdgeConfig c = loader.load(Path.of("examples/site-box.yaml"));
        assertThat(c.site().timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(c.outbox().fsync()).as("default").isTrue();
        assertThat(c.outbox().maxBytes()).as("overridden").isEqualTo(1_073_741_824L);
        assertThat(c.alerts().cooldownSeconds()).as("default").isEqualTo(300);
    }

    @Test
    void unknownKeyIsNamedWithItsLine() {
        assertThat(errorsOf("unknown-key.yaml")).containsExactly(
                BROKEN.resolve("unknown-key.yaml") + ":5:3: uplink.topicroot: unknown key (not in the schema; check the spelling)");
    }

    @Test
    void everyErrorIsReportedNotJustTheFirst() {
        List<String> errors = errorsOf("bad-port-and-severity.yaml");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith(BROKEN.resolve("bad-port-and-severity.yaml") + ":6:").contains("http.port:");
        assertThat(errors.get(1)).contains(":20:").contains("rules[0].severity:");
    }

    @Test
    void missingRequiredFieldIsReportedOnItsParent() {
        assertThat(errorsOf("missing-required.yaml")).singleElement().asString()
                .contains(":6:").contains("devices[0].profile: is required but missing");
    }

    @Test
    void danglingReferencesNameTheFieldAtFault() {
        List<String> errors = errorsOf("dangling-references.yaml");
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(":11:").contains("devices[0].zone: no zone with id 'cell-9'"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(":18:").contains("rules[0].alertType: alert type 'noise.y' has no entry in categories"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(":19:").contains("rules[0].devices[1]: no device with id 'noise-2'"));
        assertThat(errors).hasSize(3);
    }

    @Test
    void aCameraRuleOnAnUnknownZoneAndAPointOffThePictureAreNamedWithTheirLines() {
        assertThat(errorsOf("camera-zone-off-picture.yaml")).singleElement().asString()
                .contains(":13:").contains("devices[0].vision.zones[0].polygon[2][1]: must have a maximum value of 1");
        List<String> errors = errorsOf("camera-references.yaml");
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(":15:").contains("devices[0].vision.crowd[0].zone: no image zone 'plaza'"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(":15:").contains("alert type 'crowd.gathering' has no entry in categories"));
    }

    @Test
    void yamlSyntaxErrorHasAPosition() {
        assertThat(errorsOf("syntax-error.yaml")).singleElement().asString()
                .matches(".*syntax-error.yaml:\\d+:\\d+: YAML syntax: .*");
    }

    @Test
    void influxUserNeedsAPassword() {
        assertThat(errorsOf("influx-user-without-password.yaml")).singleElement().asString()
                .contains(":11:").contains("timeseries.influxdb: has a missing property 'password'");
    }

    @Test
    void typeSpecificFieldsAreCheckedPerType() {
        List<String> errors = errorsOf("noise-rule-without-limit.yaml");
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(":8:").contains("devices[0].connection.sped: unknown key"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(":12:").contains("rules[0]"));
    }

    @Test
    void inlinePasswordIsRejectedWithoutEchoingIt() {
        List<String> errors = errorsOf("inline-password.yaml");
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(":7:").contains("uplink.password:"));
        assertThat(String.join("\n", errors)).doesNotContain("hunter2");
    }

    @Test
    void secretNeverPrintsItsValue() {
        assertThat(new Secret("MQTT_PASSWORD", null).toString()).doesNotContain("hunter").contains("***");
    }

    @Test
    void missingFileIsAClearError() {
        assertThat(errorsOf("no-such-file.yaml")).singleElement().asString().endsWith("no-such-file.yaml: file not found");
    }
}
