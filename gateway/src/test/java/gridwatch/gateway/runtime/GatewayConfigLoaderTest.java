package gridwatch.gateway.runtime;

import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Profile directories named by the box's file: found next to it, and a missing one named once, at its line. */
class GatewayConfigLoaderTest {

    @TempDir
    Path box;
    private Path file;

    @BeforeEach
    void write() throws Exception {
        Files.writeString(box.resolve("empty.csv"), "offsetSeconds,resource,value\n");
        file = box.resolve("box.yaml");
        Files.writeString(file, """
                gateway: {id: test-box}
                uplink: {broker: embedded}
                profiles: {directories: [site-profiles]}
                devices:
                  - {id: noise-1, profile: site-meter, connection: {type: replay, file: empty.csv}}
                categories: {}
                """);
    }

    private List<String> errors() {
        try {
            new GatewayConfigLoader().load(file);
            return List.of();
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::format).toList();
        }
    }

    @Test
    void aProfileInADirectoryNextToTheConfigIsFound() throws Exception {
        Files.createDirectories(box.resolve("site-profiles"));
        Files.writeString(box.resolve("site-profiles/site-meter.yaml"), """
                name: site-meter
                manufacturer: Generic RS-485 noise transmitter
                model: RS-NOISE-N01 (site firmware)
                deviceResources:
                  - name: Leq
                    attributes:
                      modbus: {primaryTable: HOLDING_REGISTERS, startingAddress: 0, rawType: UINT16}
                    properties: {valueType: Float64, readWrite: R, units: dB(A), minimum: 20, maximum: 140}
                """);
        assertThat(errors()).isEmpty();
    }

    @Test
    void aMissingProfileDirectoryIsNamedOnceNotAsEveryProfileInIt() {
        assertThat(errors()).containsExactly(file + ":3:26: profiles.directories[0]: directory not found: "
                + box.resolve("site-profiles") + " (relative paths are relative to the config file)");
    }
}
