package gridwatch.config;

import gridwatch.config.model.EdgeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The uplink's settings for each alert message: the expiry the center may ask for. */
class UplinkMessageSettingsTest {

    private static final String BOX = """
            gateway: {id: box}
            devices: []
            categories: {}
            uplink:
              broker: "tcp://127.0.0.1:1883"
            """;

    @TempDir
    Path dir;

    @Test
    void withoutAnExpiryAlertsDoNotExpire() throws Exception {
        EdgeConfig c = new EdgeConfigLoader().load(Files.writeString(dir.resolve("box.yaml"), BOX));
        assertThat(c.uplink().messageExpirySeconds()).isNull();
    }

    @Test
    void theExpiryTheCenterAsksForIsKept() throws Exception {
        EdgeConfig c = new EdgeConfigLoader().load(Files.writeString(dir.resolve("box.yaml"), BOX + "  messageExpirySeconds: 86400\n"));
        assertThat(c.uplink().messageExpirySeconds()).isEqualTo(86_400L);
        assertThat(c.uplink().withBroker("tcp://10.0.0.1:1883").messageExpirySeconds()).as("kept with another broker").isEqualTo(86_400L);
    }

    @Test
    void aZeroOrNegativeExpiryIsAnErrorAtItsLine() throws Exception {
        for (String bad : new String[] {"0", "-5", "4294967296"}) {
            Path file = Files.writeString(dir.resolve("box.yaml"), BOX + "  messageExpirySeconds: " + bad + "\n");
            assertThatThrownBy(() -> new EdgeConfigLoader().load(file)).as(bad).isInstanceOfSatisfying(ConfigException.class,
                    e -> assertThat(e.errors()).map(ConfigError::format)
                            .anySatisfy(m -> assertThat(m).contains("box.yaml:6").contains("uplink.messageExpirySeconds")));
        }
    }
}
