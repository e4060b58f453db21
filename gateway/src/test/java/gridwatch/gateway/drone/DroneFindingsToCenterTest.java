package gridwatch.gateway.drone;

import com.fasterxml.jackson.databind.JsonNode;
import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.AlertCollector;
import gridwatch.gateway.support.AlertSchemas;
import gridwatch.gateway.support.Mosquitto;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, items 6 and 1: two real overlapping photos of one patrol dropped into a drone's watched folder of a running
 * gateway with the team's YOLOX-nano. The car parked at the lot is in both: it reaches a real mosquitto as ONE alert,
 * located on the ground with its uncertainty, in its grid cell of the seeds' grid, at the photo's capture time, with a
 * small crop as evidence that references the stored photo by hash; every message follows alert-data.schema.json.
 */
@Tag("servers")
@Tag("models")
class DroneFindingsToCenterTest {

    private static final AlertSchemas SCHEMAS = new AlertSchemas();

    @TempDir
    Path box;

    private static double analysed(Gateway g) {
        Matcher m = Pattern.compile("(?m)^gridwatch_drone_photos_processed_total\\{outcome=\"analysed\"} (\\S+)$").matcher(g.metrics().scrape());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void anObjectSeenInTwoOverlappingPhotosReachesTheCenterOnceWithItsPlaceCellAndACrop() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(box.resolve("broker")));
             AlertCollector center = new AlertCollector(broker.url(), "gridwatch/v1/drone-box/#")) {
            Path file = DroneBoxes.write(box, broker.url(), "");
            EdgeConfig cfg = new GatewayConfigLoader().load(file);
            Queue<Alert> stored = new ConcurrentLinkedQueue<>();
            try (Gateway g = Gateway.start(file, cfg, stored::add)) {
                Path patrol = Files.createDirectories(box.resolve("dji-sync/2016-06-23-park"));
                // 0032 first: 0026 was re-saved (turned 180°) and is settled against it.
                Files.copy(DroneBoxes.photo("brighton_DJI_0032_w1000.jpg"), patrol.resolve("DJI_0032.JPG"));
                await().atMost(120, TimeUnit.SECONDS).until(() -> analysed(g) == 1);
                Files.copy(DroneBoxes.photo("brighton_DJI_0026_w1000.jpg"), patrol.resolve("DJI_0026.JPG"));
                await().atMost(120, TimeUnit.SECONDS).until(() -> analysed(g) == 2);
                await().atMost(30, TimeUnit.SECONDS).until(() -> g.outbox().stats().depth() == 0 && center.events().size() >= stored.size());
            }
            // The object the analysis saw in both photos (its memory of sightings), and what the center got.
            List<String> twice = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + box.resolve("var/drone/analysis.db"));
                 ResultSet rs = c.createStatement().executeQuery("SELECT key FROM sighting GROUP BY key HAVING count(DISTINCT sha256) = 2")) {
                while (rs.next()) {
                    twice.add(rs.getString(1));
                }
            }
            assertThat(twice).as("a car seen in both photos").isNotEmpty();
            // The flight is from 2016: each one-shot incident ends at once, its TTL counted from the capture time. The starts are the findings.
            List<JsonNode> vehicles = center.events().stream().filter(e -> e.get("_topic").asText().endsWith("/alerts/drone.vehicle")
                    && e.at("/data/lifecycle").asText().equals("start")).toList();
            assertThat(vehicles).isNotEmpty();
            for (String key : twice) {
                assertThat(vehicles).as("one alert for %s, seen in two photos", key)
                        .filteredOn(e -> e.at("/data/objectKey").asText().equals(key)).hasSize(1);
            }
            String sha0032 = sha256(DroneBoxes.photo("brighton_DJI_0032_w1000.jpg"));
            String sha0026 = sha256(DroneBoxes.photo("brighton_DJI_0026_w1000.jpg"));
            for (JsonNode e : vehicles) {
                JsonNode d = e.get("data");
                assertThat(SCHEMAS.dataErrors(d)).as("alert-data.schema.json").isEmpty();
                assertThat(d.at("/category/nameZh").asText()).isEqualTo("机动车乱停放");
                assertThat(d.at("/groundLocation/lat").asDouble()).isBetween(46.8418, 46.8432);
                assertThat(d.at("/groundLocation/lon").asDouble()).isBetween(-91.9946, -91.9930);
                assertThat(d.at("/groundLocation/uncertaintyM").asDouble()).as("5 m at 40 m ⊕ 5 m GNSS").isBetween(6.0, 12.0);
                String cell = d.at("/groundLocation/gridCell/code").asText();
                assertThat(cell).startsWith("990001001001");
                assertThat(d.at("/gridCell/code").asText()).as("the object's cell, not the drone zone's").isEqualTo(cell);
                assertThat(d.at("/gridCell/name").asText()).startsWith("布赖顿海滩公园 第");
                assertThat(Instant.parse(d.at("/observedAt").asText())).as("the photo's capture time (June 2016), not its arrival")
                        .isBetween(Instant.parse("2016-06-23T00:00:00Z"), Instant.parse("2016-06-24T00:00:00Z"));
                JsonNode crop = d.at("/evidence/0");
                assertThat(d.get("evidence")).hasSize(1);
                assertThat(crop.get("kind").asText()).isEqualTo("drone-crop");
                assertThat(crop.get("ref").asText()).matches("sha256:(" + sha0032 + "|" + sha0026 + ")#xywh=\\d+,\\d+,\\d+,\\d+");
                byte[] jpeg = Base64.getDecoder().decode(crop.get("data").asText());
                assertThat(jpeg.length).as("a small crop, not the photo").isBetween(1_000, 48 * 1024);
                assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
                assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
                assertThat(e.toString().length()).as("the whole message").isLessThan(80_000);
            }
        }
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
