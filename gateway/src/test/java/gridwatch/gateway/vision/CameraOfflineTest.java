package gridwatch.gateway.vision;

import com.fasterxml.jackson.databind.JsonNode;
import gridwatch.gateway.ingest.video.VideoStream;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.AlertCollector;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.RtspCamera;
import gridwatch.gateway.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real RTSP camera (rtsp-server-perl fed by ffmpeg with the campus recording) loses power and
 * comes back: the gateway reconnects, the center gets a device-offline alert and its end.
 */
@Tag("servers")
@Tag("models")
class CameraOfflineTest {

    @TempDir
    Path dir;

    @Test
    void anRtspCameraThatDiesRaisesDeviceOfflineAndClearsItWhenFramesReturn() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")));
             RtspCamera camera = new RtspCamera(SharedData.path("testdata/video/vtest.avi")).start()) {
            AlertCollector center = new AlertCollector(broker.url(), "gridwatch/v1/gate-box/alerts/#");
            Path file = dir.resolve("gate.yaml");
            Files.writeString(file, """
                    gateway: {id: gate-box}
                    uplink: {broker: "%s"}
                    outbox: {directory: outbox}
                    http: {port: 0}
                    zones: [{id: gate-1, gridCell: {code: "310104013001", name: 第1网格}}]
                    vision:
                      model: {path: "%s", sha256: "%s"}
                    devices:
                      - id: cam-gate
                        profile: ip-camera
                        zone: gate-1
                        staleAfterSeconds: 3
                        connection: {type: video, url: "%s", rtspTransport: udp, analysisFps: 1}
                    categories:
                      device.offline: {code: "local-offline", nameZh: 设备离线, scheme: local}
                    health: {offlineAlertType: device.offline}
                    """.formatted(broker.url(), SharedData.path("models/yolox_nano.onnx"), SharedData.YOLOX_NANO_SHA256, camera.url()));
            try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> { })) {
                VideoStream stream = ((CameraSource) g.sources().getFirst()).stream();
                await().atMost(30, TimeUnit.SECONDS).until(() -> stream.analysed() >= 2);
                camera.stop();
                await().atMost(30, TimeUnit.SECONDS).until(() -> center.events().size() >= 1);
                camera.start();
                await().atMost(60, TimeUnit.SECONDS).until(() -> center.events().size() >= 2);
                assertThat(stream.reconnects()).isPositive();
            } finally {
                center.close();
            }
            JsonNode start = center.events().get(0).get("data");
            JsonNode end = center.events().get(1).get("data");
            assertThat(start.at("/category/nameZh").asText()).isEqualTo("设备离线");
            assertThat(start.at("/device/id").asText()).isEqualTo("cam-gate");
            assertThat(start.get("lifecycle").asText()).isEqualTo("start");
            assertThat(end.get("lifecycle").asText()).isEqualTo("end");
            assertThat(end.get("incidentId").asText()).isEqualTo(start.get("incidentId").asText());
        }
    }
}
