package gridwatch.config;

import gridwatch.config.model.DroneConfig;
import gridwatch.config.model.DroneConnection;
import gridwatch.config.model.EdgeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** drone.detection, drone.change and a drone's detect list: defaults, references, and the categories they need. */
class DroneDetectionConfigTest {

    @TempDir
    Path dir;

    private Path box(String categories, String detect, String drone) throws Exception {
        Files.writeString(dir.resolve("m.onnx"), "not a model");
        return Files.writeString(dir.resolve("box.yaml"), """
                gateway: {id: drone-box}
                uplink: {broker: "tcp://127.0.0.1:1883"}
                vision:
                  model: {path: m.onnx, sha256: "0000000000000000000000000000000000000000000000000000000000000000"}
                devices:
                  - id: drone-1
                    profile: drone-camera
                    connection: {type: drone, folder: sync%s}
                categories: {%s}
                %s
                """.formatted(detect, categories, drone));
    }

    private static final String ALL = "drone.people: {code: \"04-09\", nameZh: 人员聚集}, drone.vehicle: {code: \"05-20\", nameZh: 车辆}, "
            + "drone.garbage: {code: \"01-02\", nameZh: 暴露垃圾}, drone.change.appeared: {code: L1, nameZh: 新增}, drone.change.vanished: {code: L2, nameZh: 消失}";

    @Test
    void defaultsLookForPeopleVehiclesAndGarbageAndCompareWithThePreviousPatrol() throws Exception {
        EdgeConfig c = new EdgeConfigLoader().load(box(ALL, "", ""));
        DroneConfig.DetectionConfig d = c.drone().detection();
        assertThat(d.objects()).extracting(DroneConfig.ObjectGroupConfig::id).containsExactly("people", "vehicles", "garbage");
        assertThat(d.tileOverlap()).isEqualTo(0.25);
        assertThat(c.drone().change().enabled()).isTrue();
        assertThat(((DroneConnection) c.devices().getFirst().connection()).detect()).isNull();
    }

    @Test
    void aDroneLooksForTheGroupsItNamesAndEachNeedsACategory() throws Exception {
        EdgeConfig c = new EdgeConfigLoader().load(box("drone.vehicle: {code: \"05-20\", nameZh: 车辆}", ", detect: [vehicles]", """
                drone:
                  detection:
                    objects:
                      - {id: vehicles, labels: [car, truck], alertType: drone.vehicle, sizeM: 4.5, minPx: 120, minScore: 0.25}
                  change: {enabled: false}
                """));
        assertThat(((DroneConnection) c.devices().getFirst().connection()).detect()).containsExactly("vehicles");
        assertThat(c.drone().detection().object("vehicles").orElseThrow().minScore()).isEqualTo(0.25);

        Path bad = box("", ", detect: [vehicles, boats]", """
                drone:
                  detection:
                    objects:
                      - {id: vehicles, labels: [car], alertType: drone.vehicle, sizeM: 4.5, minPx: 120}
                """);
        assertThatThrownBy(() -> new EdgeConfigLoader().load(bad)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.errors()).map(ConfigError::format).satisfiesExactlyInAnyOrder(
                        m -> assertThat(m).contains("box.yaml:8:").endsWith("devices[0].connection.detect[1]: no object group 'boats' under drone.detection.objects (groups: [vehicles])"),
                        m -> assertThat(m).contains("drone.detection.objects[0].alertType: alert type 'drone.vehicle' (drone object group vehicles) has no entry in categories"),
                        m -> assertThat(m).contains("drone: alert type 'drone.change.appeared'"),
                        m -> assertThat(m).contains("drone: alert type 'drone.change.vanished'")));
    }

    @Test
    void withoutAModelNothingIsDetectedAndNoCategoryIsNeeded() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.yaml"), """
                gateway: {id: drone-box}
                uplink: {broker: "tcp://127.0.0.1:1883"}
                devices:
                  - id: drone-1
                    profile: drone-camera
                    connection: {type: drone, folder: sync}
                categories: {}
                """);
        assertThat(new EdgeConfigLoader().load(file).drone().detection().objects()).hasSize(3);
        assertThat(List.of()).isEmpty();
    }
}
