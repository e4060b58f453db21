package gridwatch.gateway.runtime;

import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each connector checks its own devices when a config is loaded, and two devices may not claim
 * the same station key; every error names the file, line and field.
 */
class ConnectorCheckTest {

    @TempDir
    Path box;

    private List<String> errors(String devices) throws Exception {
        Path file = box.resolve("box.yaml");
        Files.writeString(file, """
                gateway: {id: test-box}
                uplink: {broker: embedded}
                devices:
                %s
                categories: {}
                """.formatted(devices.indent(2).stripTrailing()));
        try {
            new GatewayConfigLoader().load(file);
            return List.of();
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::format).toList();
        }
    }

    @Test
    void twoStationsWithOneMnAreRefusedAtTheSecondMn() throws Exception {
        assertThat(errors("""
                - {id: noise-a, profile: noise-station-hj212, connection: {type: hj212, mn: "DEMO0000NOISE0001", password: "123456"}}
                - {id: noise-b, profile: noise-station-hj212, connection: {type: hj212, mn: "DEMO0000NOISE0001", password: "123456"}}
                """)).singleElement().asString()
                .endsWith("box.yaml:5:75: devices[1].connection.mn: device 'noise-a' already has MN DEMO0000NOISE0001");
    }

    @Test
    void aProfileWithoutTheProtocolsMappingIsRefusedByItsConnector() throws Exception {
        assertThat(errors("""
                - {id: meter, profile: noise-station-hj212, connection: {type: modbus-tcp, host: 127.0.0.1, port: 502, unitId: 1}}
                - {id: plc, profile: decibel-meter-rs485, connection: {type: opcua, endpoint: "opc.tcp://127.0.0.1:4840"}}
                """)).satisfiesExactly(
                e -> assertThat(e).endsWith("box.yaml:4:17: devices[0].profile: profile noise-station-hj212 maps no Modbus holding or input registers"),
                e -> assertThat(e).endsWith("box.yaml:5:15: devices[1].profile: profile decibel-meter-rs485 maps no OPC UA node ids (use e.g. radar-water-level)"));
    }
}
