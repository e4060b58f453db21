package gridwatch.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The files a box's config names, checked where the config file is, each error at its field. */
class FileCheckTest {

    private static final String BOX = """
            gateway: {id: test-box}
            uplink:
              broker: "ssl://127.0.0.1:8883"
              password: {file: secrets/mqtt.password}
              tls: {caFile: tls/ca.pem, certFile: tls/client.pem, keyFile: tls/client.key}
            outbox: {directory: var/outbox}
            profiles: {directories: [profiles]}
            timeseries:
              influxdb: {url: "http://127.0.0.1:8086", database: gw, spoolDirectory: var/spool}
            vision:
              model: {path: models/detector.onnx, sha256: "0000000000000000000000000000000000000000000000000000000000000000"}
            devices:
              - id: noise-1
                profile: decibel-meter-rs485
                connection: {type: replay, file: traces/noise.csv}
              - id: cam-1
                profile: ip-camera
                connection: {type: video, url: recordings/gate.mp4, username: admin, password: {file: /run/secrets/cam.password}}
            categories:
              noise.construction: {code: "03-01", nameZh: 施工扰民, scheme: CJT214}
            """;

    private static final String HINT = " (relative paths are relative to the config file)";

    @TempDir
    Path box;
    private Path file;
    private final EdgeConfigLoader loader = new EdgeConfigLoader(List.of(new FileCheck()));

    @BeforeEach
    void write() throws IOException {
        file = box.resolve("box.yaml");
        Files.writeString(file, BOX);
    }

    private void create(String... files) throws IOException {
        for (String f : files) {
            Files.createDirectories(box.resolve(f).getParent());
            Files.writeString(box.resolve(f), "content\n");
        }
    }

    private List<String> errors() {
        try {
            loader.load(file);
            return List.of();
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::format).toList();
        }
    }

    @Test
    void filesThatAreThereAreAcceptedAndDirectoriesMadeAtRunTimeNeedNotExist() throws IOException {
        create("secrets/mqtt.password", "tls/ca.pem", "tls/client.pem", "tls/client.key", "models/detector.onnx",
                "traces/noise.csv", "recordings/gate.mp4");
        Files.createDirectories(box.resolve("profiles"));
        Files.writeString(file, BOX.replace("/run/secrets/cam.password", "secrets/mqtt.password"));

        assertThat(errors()).isEmpty();
        assertThat(box.resolve("var")).doesNotExist();
    }

    @Test
    void eachMissingFileIsNamedAtItsFieldWithWhereItWasLookedFor() {
        assertThat(errors()).containsExactly(
                file + ":4:14: uplink.password.file: file not found: " + box.resolve("secrets/mqtt.password") + HINT,
                file + ":5:9: uplink.tls.caFile: file not found: " + box.resolve("tls/ca.pem") + HINT,
                file + ":5:29: uplink.tls.certFile: file not found: " + box.resolve("tls/client.pem") + HINT,
                file + ":5:55: uplink.tls.keyFile: file not found: " + box.resolve("tls/client.key") + HINT,
                file + ":7:26: profiles.directories[0]: directory not found: " + box.resolve("profiles") + HINT,
                file + ":15:32: devices[0].connection.file: file not found: " + box.resolve("traces/noise.csv") + HINT,
                file + ":18:31: devices[1].connection.url: file not found: " + box.resolve("recordings/gate.mp4") + HINT,
                file + ":18:85: devices[1].connection.password.file: file not found: /run/secrets/cam.password",
                file + ":11:11: vision.model.path: file not found: " + box.resolve("models/detector.onnx") + HINT);
    }

    @Test
    void aCameraUrlIsNotAFileButAFileUrlIs() throws IOException {
        Files.writeString(file, """
                gateway: {id: test-box}
                uplink: {broker: embedded}
                devices:
                  - {id: cam-1, profile: ip-camera, connection: {type: video, url: "rtsp://192.168.1.64:554/Streaming/Channels/102"}}
                  - {id: cam-2, profile: ip-camera, connection: {type: video, url: "file:///nonexistent/gate.mp4"}}
                categories: {}
                """);
        assertThat(errors()).singleElement().asString()
                .isEqualTo(file + ":5:63: devices[1].connection.url: file not found: /nonexistent/gate.mp4");
    }

    @Test
    void aDirectoryWhereAFileShouldBeAndAnEmptySecretAreRefused() throws IOException {
        create("tls/ca.pem", "traces/noise.csv", "recordings/gate.mp4", "models/detector.onnx");
        Files.createDirectories(box.resolve("profiles"));
        Files.writeString(file, BOX.replace("/run/secrets/cam.password", "secrets/empty.password")
                .replace(", certFile: tls/client.pem, keyFile: tls/client.key", ""));
        Files.createDirectories(box.resolve("secrets/mqtt.password"));
        Files.writeString(box.resolve("secrets/empty.password"), " \n");

        assertThat(errors()).containsExactly(
                file + ":4:14: uplink.password.file: is a directory, not a file: " + box.resolve("secrets/mqtt.password"),
                file + ":18:85: devices[1].connection.password.file: secret file is empty: " + box.resolve("secrets/empty.password"));
    }

    @Test
    void somethingOtherThanADirectoryWhereTheOutboxGoesIsRefused() throws IOException {
        create("secrets/mqtt.password", "tls/ca.pem", "tls/client.pem", "tls/client.key", "models/detector.onnx",
                "traces/noise.csv", "recordings/gate.mp4", "var/outbox", "var/spool");
        Files.createDirectories(box.resolve("profiles"));
        Files.writeString(file, BOX.replace("/run/secrets/cam.password", "secrets/mqtt.password"));

        assertThat(errors()).containsExactly(
                file + ":6:10: outbox.directory: not a directory: " + box.resolve("var/outbox"),
                file + ":9:58: timeseries.influxdb.spoolDirectory: not a directory: " + box.resolve("var/spool"));
    }
}
