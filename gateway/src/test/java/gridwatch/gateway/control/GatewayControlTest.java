package gridwatch.gateway.control;

import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.SharedData;
import gridwatch.gateway.support.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The facade the center's commands will use, on a real gateway with a real broker: a config given
 * as text is refused with file/line/field errors or saved and put in effect (telling which
 * sections wait for a restart); a sensor reports its latest reading; a camera analyses a fresh frame.
 */
@Tag("servers")
@Tag("models")
class GatewayControlTest {

    @TempDir
    Path dir;

    @Test
    void aConfigAsTextIsRefusedWithItsErrorsOrSavedAndPutInEffect() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")))) {
            Path file = TestConfigs.thresholdBox(dir, broker.url(), 70, "outbox");
            String original = Files.readString(file);
            Queue<Alert> stored = new ConcurrentLinkedQueue<>();
            try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), stored::add)) {
                GatewayControl control = g.control();

                ApplyResult bad = control.applyConfig(original.replace("above: 70", "abvoe: 70"));
                assertThat(bad).isInstanceOf(ApplyResult.Refused.class);
                assertThat(((ApplyResult.Refused) bad).errors()).anyMatch(e -> e.contains("box.yaml:") && e.contains("rules[0].abvoe"));
                assertThat(Files.readString(file)).as("a refused config leaves the file alone").isEqualTo(original);

                String raised = original.replace("above: 70", "above: 80");
                assertThat(control.applyConfig(raised)).isEqualTo(new ApplyResult.Applied());
                assertThat(Files.readString(file)).isEqualTo(raised);
                Instant t = Instant.parse("2026-11-20T14:00:00Z");
                g.pipeline().accept(new Reading("noise-1", "Leq", 75, "dB(A)", t, Quality.GOOD));
                g.pipeline().accept(new Reading("noise-1", "Leq", 85, "dB(A)", t.plusSeconds(1), Quality.GOOD));
                await().atMost(15, TimeUnit.SECONDS).until(() -> !stored.isEmpty());
                assertThat(stored.peek().measurements().getFirst().value()).as("75 is under the new limit; 85 opens").isEqualTo(85.0);

                ApplyResult later = control.applyConfig(raised.replace("maxInflight: 50", "maxInflight: 40"));
                assertThat(later).isEqualTo(new ApplyResult.NeedsRestart(java.util.List.of("uplink")));

                RecheckResult sensor = control.recheck("noise-1");
                assertThat(sensor).isInstanceOf(RecheckResult.SensorLatest.class);
                assertThat(((RecheckResult.SensorLatest) sensor).readings()).singleElement()
                        .satisfies(r -> assertThat(r.value()).isEqualTo(85.0));
                assertThat(control.recheck("no-such-device")).isEqualTo(new RecheckResult.UnknownDevice("no-such-device"));
            }
        }
    }

    @Test
    void aCameraIsRecheckedOnItsNextAnalysedFrame() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")))) {
            Path file = dir.resolve("camera.yaml");
            Files.writeString(file, """
                    gateway: {id: campus-box}
                    uplink: {broker: "%s"}
                    outbox: {directory: outbox}
                    http: {port: 0}
                    zones: [{id: campus-1, gridCell: {code: "310104013007", name: 校园 第7网格}}]
                    vision:
                      model: {path: "%s", sha256: "%s"}
                    devices:
                      - id: cam-campus
                        profile: ip-camera
                        zone: campus-1
                        connection: {type: video, url: "%s", analysisFps: 2, realtime: true}
                        vision:
                          zones:
                            - id: path
                              polygon: [[0, 0.15], [1, 0.15], [1, 1], [0, 1]]
                    categories: {}
                    """.formatted(broker.url(), SharedData.path("models/yolox_nano.onnx"), SharedData.YOLOX_NANO_SHA256,
                    SharedData.path("testdata/video/vtest.avi")));
            try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> { })) {
                RecheckResult r = g.control().recheck("cam-campus");
                assertThat(r).isInstanceOf(RecheckResult.CameraFrame.class);
                RecheckResult.CameraFrame frame = (RecheckResult.CameraFrame) r;
                assertThat(frame.perZone()).containsKey("path");
                assertThat(frame.detections()).as("the campus path has pedestrians in every frame").isPositive();
            }
        }
    }
}
