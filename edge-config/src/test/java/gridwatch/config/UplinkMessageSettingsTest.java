package gridwatch.config;

import gridwatch.config.model.EdgeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The uplink's settings for each alert message: the expiry the center may ask for, its size bound, its pictures. */
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
    void byDefaultAMessageIsAtMost128KiBWithPicturesAsDrawn() throws Exception {
        EdgeConfig c = new EdgeConfigLoader().load(Files.writeString(dir.resolve("box.yaml"), BOX));
        assertThat(c.uplink().maxMessageBytes()).isEqualTo(131_072);
        assertThat(c.uplink().snapshots().maxWidth()).isNull();
        assertThat(c.uplink().snapshots().quality()).isNull();
    }

    @Test
    void theBrokersBoundAndSmallerPicturesAreKept() throws Exception {
        EdgeConfig c = new EdgeConfigLoader().load(Files.writeString(dir.resolve("box.yaml"), BOX + """
                  maxMessageBytes: 262144
                  snapshots: {maxWidth: 960, quality: 70}
                """));
        assertThat(c.uplink().maxMessageBytes()).isEqualTo(262_144);
        assertThat(c.uplink().snapshots().maxWidth()).isEqualTo(960);
        assertThat(c.uplink().snapshots().quality()).isEqualTo(70);
        assertThat(c.uplink().withBroker("tcp://10.0.0.1:1883").snapshots().maxWidth()).isEqualTo(960);
    }

    @Test
    void aBoundTooSmallForAnAlertOrAPictureLargerThanDrawnIsAnErrorAtItsLine() throws Exception {
        for (String bad : new String[] {"maxMessageBytes: 1024", "snapshots: {maxWidth: 1920}", "snapshots: {quality: 0}",
                "snapshots: {width: 640}"}) {
            Path file = Files.writeString(dir.resolve("box.yaml"), BOX + "  " + bad + "\n");
            assertThatThrownBy(() -> new EdgeConfigLoader().load(file)).as(bad).isInstanceOfSatisfying(ConfigException.class,
                    e -> assertThat(e.errors()).map(ConfigError::format).anySatisfy(m -> assertThat(m).contains("box.yaml:6").contains("uplink.")));
        }
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
