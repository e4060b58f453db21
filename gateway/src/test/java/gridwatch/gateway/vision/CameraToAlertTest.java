package gridwatch.gateway.vision;

import com.fasterxml.jackson.databind.JsonNode;
import gridwatch.gateway.support.AlertSchemas;
import gridwatch.gateway.support.CenterRoundTrip;
import gridwatch.gateway.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;
import java.time.Duration;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real campus recording (opencv's vtest.avi: 4–8 pedestrians at any time) played as a
 * camera: a crowd rule on the footpath fires with an annotated snapshot that reaches the center.
 */
@Tag("servers")
@Tag("models")
class CameraToAlertTest {

    @TempDir
    Path dir;

    @Test
    void pedestriansOnTheCampusPathRaiseACrowdAlertWithItsSnapshot() throws Exception {
        JsonNode d = CenterRoundTrip.firstAlert(dir, "campus-box", broker -> """
                gateway: {id: campus-box}
                site: {timeZone: Asia/Shanghai}
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
                    connection: {type: video, url: "%s", analysisFps: 2, realtime: false}
                    vision:
                      zones:
                        - id: path
                          polygon: [[0, 0.15], [1, 0.15], [1, 1], [0, 1]]
                      crowd:
                        - {id: path-crowd, zone: path, minPeople: 4, minSeconds: 5, clearSeconds: 5, severity: yellow}
                categories:
                  crowd.gathering: {code: "04-09", nameZh: 人群聚集, scheme: CJT214}
                """.formatted(broker, SharedData.path("models/yolox_nano.onnx"), SharedData.YOLOX_NANO_SHA256,
                SharedData.path("testdata/video/vtest.avi")), g -> { }, Duration.ofSeconds(120));
        assertThat(d.at("/category/nameZh").asText()).isEqualTo("人群聚集");
        assertThat(d.at("/device/id").asText()).isEqualTo("cam-campus");
        assertThat(d.at("/gridCell/code").asText()).isEqualTo("310104013007");
        assertThat(d.get("summary").asText()).contains("people in path");
        JsonNode snapshot = null;
        for (JsonNode e : d.get("evidence")) {
            if (e.get("kind").asText().equals("snapshot")) {
                snapshot = e;
            }
        }
        assertThat(snapshot).as("an annotated snapshot travels with the alert").isNotNull();
        assertThat(snapshot.get("mediaType").asText()).isEqualTo("image/jpeg");
        byte[] jpeg = Base64.getDecoder().decode(snapshot.get("data").asText());
        assertThat(jpeg.length).isGreaterThan(10_000);
        assertThat(jpeg[0]).isEqualTo((byte) 0xFF);
        assertThat(jpeg[1]).isEqualTo((byte) 0xD8);
        double peak = 0;
        for (JsonNode m : d.get("measurements")) {
            if (m.get("name").asText().equals("peoplePeak")) {
                peak = m.get("value").asDouble();
            }
        }
        assertThat(peak).isBetween(4.0, 12.0);
        assertThat(new AlertSchemas().dataErrors(d)).as("docs/api/alert-data.schema.json: snapshot and crowd measurements").isEmpty();
    }
}
