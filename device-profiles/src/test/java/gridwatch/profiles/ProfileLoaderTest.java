package gridwatch.profiles;

import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileLoaderTest {

    private final ProfileLoader loader = new ProfileLoader();

    @Test
    void builtInProfilesCoverMetersGaugesAndCameras() throws Exception {
        ProfileCatalog catalog = loader.load(List.of());
        assertThat(catalog.all()).extracting(DeviceProfile::name)
                .contains("decibel-meter-rs485", "radar-water-level", "ip-camera", "drone-camera");
        DeviceResource level = catalog.find("radar-water-level").orElseThrow().resource("waterLevel").orElseThrow();
        assertThat(level.attributes().get("opcua")).containsEntry("nodeId", "ns=2;s=PumpStation/Forebay/Level");
        assertThat(level.attributes().get("sl651")).containsEntry("element", "39");
    }

    @Test
    void profileScaleTurnsRawRegisterIntoDecibels() throws Exception {
        ResourceProperties leq = loader.load(List.of()).find("decibel-meter-rs485").orElseThrow()
                .resource("Leq").orElseThrow().properties();
        double db = usable(ValueTransformer.transform(leq, 582));
        assertThat(db).isCloseTo(58.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ValueTransformer.inRange(leq, db)).isTrue();
        assertThat(ValueTransformer.inRange(leq, usable(ValueTransformer.transform(leq, 65535)))).as("6553.5 dB is implausible").isFalse();
    }

    @Test
    void maskAndShiftComeBeforeScaleAndOffset() {
        ResourceProperties p = new ResourceProperties("Float64", "R", "m", 0xFF00L, 8, 0.5, 1.0, null, null, null, null);
        assertThat(usable(ValueTransformer.transform(p, 0x1234))).isEqualTo(0x12 * 0.5 + 1.0);
    }

    private static double usable(TransformResult r) {
        assertThat(r).isInstanceOf(TransformResult.Usable.class);
        return ((TransformResult.Usable) r).value();
    }

    @Test
    void siteDirectoryOverridesABuiltInProfile() throws Exception {
        ProfileCatalog catalog = loader.load(List.of(Path.of("src/test/resources/site-profiles")));
        DeviceProfile meter = catalog.find("decibel-meter-rs485").orElseThrow();
        assertThat(meter.model()).isEqualTo("RS-NOISE-N01 (site firmware)");
        assertThat(meter.resource("Leq").orElseThrow().properties().scale()).isNull();
    }

    @Test
    void badProfileNamesFileLineAndField() {
        assertThatThrownBy(() -> loader.load(List.of(Path.of("src/test/resources/bad-profiles"))))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    List<String> errors = e.errors().stream().map(ConfigError::format).toList();
                    assertThat(errors).anySatisfy(s -> assertThat(s).contains("typo.yaml:7:").contains("deviceResources[0].attributes.modbus.primaryTable"));
                    assertThat(errors).anySatisfy(s -> assertThat(s).contains("typo.yaml:8:").contains("deviceResources[0].properties.unit: unknown key"));
                });
    }
}
