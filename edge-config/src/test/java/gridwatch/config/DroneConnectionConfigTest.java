package gridwatch.config;

import gridwatch.config.model.DroneConnection;
import gridwatch.config.model.DroneServerConfig;
import gridwatch.config.model.EdgeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code drone} connection and {@code ingest.drone}: defaults, paths next to the config file, errors at their line. */
class DroneConnectionConfigTest {

    @TempDir
    Path box;
    private final EdgeConfigLoader loader = new EdgeConfigLoader(List.of(new FileCheck()));

    private Path write(String ingest, String connection) throws Exception {
        Path file = box.resolve("box.yaml");
        Files.writeString(file, """
                gateway: {id: test-box}
                uplink: {broker: embedded}
                %s
                devices:
                  - id: drone-1
                    profile: drone-camera
                    connection: %s
                categories: {}
                """.formatted(ingest, connection));
        return file;
    }

    private List<String> errors(Path file) {
        try {
            loader.load(file);
            return List.of();
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::format).toList();
        }
    }

    @Test
    void defaultsApplyWhereTheUserSetNothing() throws Exception {
        EdgeConfig c = loader.load(write("", "{type: drone, folder: dji-sync}"));
        DroneConnection d = (DroneConnection) c.devices().getFirst().connection();
        assertThat(d.folder()).isEqualTo(box.resolve("dji-sync"));
        assertThat(d.settleSeconds()).isEqualTo(5.0);
        assertThat(d.scanSeconds()).isEqualTo(2.0);
        assertThat(d.upload()).isFalse();
        assertThat(d.token()).isNull();
        assertThat(d.maxBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(d.maxPixels()).isEqualTo(100_000_000L);
        assertThat(c.ingest().drone()).as("no ingest.drone: the gateway uses DroneServerConfig.defaults()").isNull();
    }

    @Test
    void everythingSetIsTakenAndPathsAreRelativeToTheConfigFile() throws Exception {
        Files.createDirectories(box.resolve("secrets"));
        Files.writeString(box.resolve("secrets/drone-1.token"), "s3cret-token\n");
        EdgeConfig c = loader.load(write("ingest: {drone: {bind: 127.0.0.1, port: 0, directory: photos, maxConcurrentUploads: 2, maxPendingPhotos: 10}}",
                "{type: drone, folder: /mnt/flighthub, settleSeconds: 0.5, scanSeconds: 0.2, upload: true, token: {file: secrets/drone-1.token}, "
                        + "maxBytes: 1048576, maxPixels: 20000000}"));
        DroneConnection d = (DroneConnection) c.devices().getFirst().connection();
        assertThat(d).isEqualTo(new DroneConnection(Path.of("/mnt/flighthub"), 0.5, 0.2, true, new Secret(null, box.resolve("secrets/drone-1.token")),
                1_048_576L, 20_000_000L));
        assertThat(new String(d.token().reveal())).isEqualTo("s3cret-token");
        assertThat(d.toString()).doesNotContain("s3cret");
        assertThat(c.ingest().drone()).isEqualTo(new DroneServerConfig("127.0.0.1", 0, box.resolve("photos"), 2, 10));
    }

    @Test
    void uploadWithoutATokenIsRefusedAtTheConnection() throws Exception {
        assertThat(errors(write("", "{type: drone, upload: true}"))).singleElement().asString()
                .startsWith(box.resolve("box.yaml") + ":7:")
                .contains("devices[0].connection")
                .contains("token");
    }

    @Test
    void anInlineTokenAMisspeltKeyAndAMissingTokenFileAreEachNamed() throws Exception {
        assertThat(errors(write("", "{type: drone, upload: true, token: s3cret}"))).singleElement().asString()
                .contains(":7:").contains("devices[0].connection.token");
        assertThat(errors(write("", "{type: drone, folder: x, settle: 5}"))).singleElement().asString()
                .contains(":7:").contains("devices[0].connection.settle: unknown key");
        assertThat(errors(write("", "{type: drone, upload: true, token: {file: nowhere.token}}"))).singleElement().asString()
                .contains(":7:").contains("devices[0].connection.token.file: file not found: " + box.resolve("nowhere.token"));
    }

    @Test
    void limitsOutOfRangeAreRefused() throws Exception {
        assertThat(errors(write("ingest: {drone: {maxConcurrentUploads: 0}}", "{type: drone, folder: x, maxBytes: 10}")))
                .hasSize(2)
                .anySatisfy(e -> assertThat(e).contains("ingest.drone.maxConcurrentUploads"))
                .anySatisfy(e -> assertThat(e).contains("devices[0].connection.maxBytes"));
    }
}
