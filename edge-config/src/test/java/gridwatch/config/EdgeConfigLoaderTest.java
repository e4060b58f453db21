package gridwatch.config;

import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.NoiseLimitRuleConfig;
import gridwatch.config.model.ReplayConnection;
import org.junit.jupiter.api.Test;

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
        assertThat(loader.load(Path.of("examples/site-box.yaml")).uplink().tls().caFile()).endsWith("ca.pem");
        assertThat(loader.load(Path.of("examples/campus-camera.yaml")).devices().getFirst().vision().crowd()).hasSize(1);
        assertThat(loader.load(Path.of("examples/site-gate-camera.yaml")).devices().getFirst().vision().muckTruck().getFirst().line())
                .isEqualTo("gate-exit");
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
