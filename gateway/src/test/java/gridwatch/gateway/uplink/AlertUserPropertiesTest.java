package gridwatch.gateway.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.net.LoopbackPorts;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.MosquittoSub;
import gridwatch.gateway.support.MosquittoSub.Line;
import gridwatch.gateway.support.TestConfigs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Routing without parsing, as the center's intake sees it with the real {@code mosquitto_sub -V mqttv5}: every alert
 * PUBLISH carries the user properties {@code type}, {@code severity}, {@code lifecycle}, {@code incidentid},
 * {@code subject} and {@code gridcell} with the values of the CloudEvent it carries, and the message expiry the center
 * asked for; alerts an earlier version left in the outbox (without the routing columns) still go out, with them.
 */
@Tag("servers")
class AlertUserPropertiesTest {

    private static final String ALERTS = "gridwatch/v1/test-box/alerts/#";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyAlertCarriesItsRoutingAsUserPropertiesAndTheExpiryTheCenterAskedFor() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")))) {
            MosquittoSub intake = new MosquittoSub(broker, "case-intake", ALERTS, dir);
            intake.register();
            Path file = box(broker.url(), "  messageExpirySeconds: 3600\n");
            AtomicInteger stored = new AtomicInteger();
            try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> stored.incrementAndGet())) {
                Instant t = Instant.parse("2026-11-20T14:00:00Z");
                for (double v : new double[] {75, 76, 60}) {
                    g.pipeline().accept(new Reading("noise-1", "Leq", v, "dB(A)", t, Quality.GOOD));
                    t = t.plusSeconds(60);
                }
                await().atMost(30, TimeUnit.SECONDS).until(() -> stored.get() == 3 && g.outbox().stats().depth() == 0);
            }
            List<Line> lines = intake.collect(3, 30);

            assertThat(lines).extracting(l -> l.userProperties().get("lifecycle")).containsExactly("start", "update", "end");
            for (Line l : lines) {
                JsonNode e = JSON.readTree(l.payload());
                assertThat(l.topic()).isEqualTo("gridwatch/v1/test-box/alerts/noise.construction");
                assertThat(l.contentType()).isEqualTo("application/cloudevents+json; charset=utf-8");
                assertThat(l.payloadFormat()).as("payload format indicator").isEqualTo("1");
                assertThat(l.userProperties()).containsExactly(
                        Map.entry("type", e.get("type").asText()),
                        Map.entry("severity", e.get("severity").asText()),
                        Map.entry("lifecycle", e.get("lifecycle").asText()),
                        Map.entry("incidentid", e.get("incidentid").asText()),
                        Map.entry("subject", e.get("subject").asText()),
                        Map.entry("gridcell", "310104007012"));
                assertThat(l.userProperties()).containsEntry("type", "io.gridwatch.alert.noise.construction").containsEntry("severity", "orange");
                // The broker passes on what is left of the interval: it counts from when it accepted the alert.
                assertThat(Long.parseLong(l.expiry())).as("message expiry left").isBetween(3000L, 3600L);
            }
        }
    }

    @Test
    void withoutAnExpiryFromTheCenterAlertsCarryNone() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")))) {
            MosquittoSub intake = new MosquittoSub(broker, "case-intake", ALERTS, dir);
            intake.register();
            Path file = box(broker.url(), "");
            try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> { })) {
                g.pipeline().accept(new Reading("noise-1", "Leq", 75, "dB(A)", Instant.parse("2026-11-20T14:00:00Z"), Quality.GOOD));
                await().atMost(30, TimeUnit.SECONDS).until(() -> g.outbox().stats().appended() == 1 && g.outbox().stats().depth() == 0);
            }
            List<Line> lines = intake.collect(1, 30);
            assertThat(lines).hasSize(1);
            assertThat(lines.getFirst().expiry()).isEmpty();
            assertThat(lines.getFirst().userProperties()).containsKeys("type", "severity", "lifecycle", "incidentid", "subject", "gridcell");
        }
    }

    /**
     * A box upgraded with alerts still in its outbox: rows of the last version (its table has no routing columns) and
     * rows of an older one (a whole topic in place of the alert type, payloads without the CloudEvents extensions) go
     * out after the upgrade with their user properties, read from their payloads once, when the outbox opened.
     */
    @Test
    void alertsAnEarlierVersionLeftInTheOutboxGoOutWithTheirUserProperties() throws Exception {
        Path file = box("tcp://127.0.0.1:" + LoopbackPorts.free(), "");   // no broker yet: the alert stays in the outbox
        AtomicInteger stored = new AtomicInteger();
        try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> stored.incrementAndGet())) {
            g.pipeline().accept(new Reading("noise-1", "Leq", 75, "dB(A)", Instant.parse("2026-11-20T14:00:00Z"), Quality.GOOD));
            await().atMost(30, TimeUnit.SECONDS).until(() -> stored.get() == 1);
        }
        Path db = dir.resolve("outbox/outbox.db");
        JsonNode last;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT payload FROM outbox")) {
                rs.next();
                last = JSON.readTree(rs.getBytes(1));
            }
            // The table as the last version made it, and a row as an older one stored it.
            for (String column : List.of("lifecycle", "incident_id", "grid_cell")) {
                s.execute("ALTER TABLE outbox DROP COLUMN " + column);
                s.execute("ALTER TABLE dead_letter DROP COLUMN " + column);
            }
            ObjectNode older = last.deepCopy();
            older.remove(List.of("incidentid", "lifecycle", "severity"));
            older.put("id", "01a22507-e5fd-7c4a-82e6-9388a29371e0");
            ((ObjectNode) older.get("data")).put("alertId", "01a22507-e5fd-7c4a-82e6-9388a29371e0");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (seq, alert_id, source, severity, topic, payload, footprint) "
                    + "VALUES (2, ?, 'noise-1', 2, 'gridwatch/v1/test-box/alerts/noise.construction', ?, 100)")) {
                ps.setString(1, older.get("id").asText());
                ps.setBytes(2, JSON.writeValueAsBytes(older));
                ps.executeUpdate();
            }
        }

        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")))) {
            MosquittoSub intake = new MosquittoSub(broker, "case-intake", ALERTS, dir);
            intake.register();
            Path upgraded = box(broker.url(), "");
            try (Gateway g = Gateway.start(upgraded, new GatewayConfigLoader().load(upgraded), a -> { })) {
                await().atMost(30, TimeUnit.SECONDS).until(() -> g.outbox().stats().depth() == 0);
            }
            List<Line> lines = intake.collect(2, 30);
            assertThat(lines).hasSize(2);
            Map<String, String> expected = Map.of("type", "io.gridwatch.alert.noise.construction", "severity", "orange",
                    "lifecycle", "start", "incidentid", last.get("incidentid").asText(), "subject", "noise-1", "gridcell", "310104007012");
            assertThat(lines.get(0).userProperties()).containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(lines.get(1).userProperties()).as("the older row, from its data").containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(JSON.readTree(lines.get(1).payload()).get("id").asText()).isEqualTo("01a22507-e5fd-7c4a-82e6-9388a29371e0");
        }
    }

    private Path box(String broker, String uplinkExtra) throws Exception {
        Path file = TestConfigs.thresholdBox(dir, broker, 70, "outbox");
        String yaml = Files.readString(file).replace("uplink: {broker: \"" + broker + "\", maxInflight: 50}",
                "uplink:\n  broker: \"" + broker + "\"\n  maxInflight: 50\n" + uplinkExtra);
        Files.writeString(file, yaml);
        return file;
    }
}
