package gridwatch.gateway.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.AlertCollector;
import gridwatch.gateway.support.AlertSchemas;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A reading in, an alert out at a real mosquitto, seen by an independent subscriber. */
@Tag("servers")
class EndToEndMqttTest {

    @TempDir
    Path dir;
    private Mosquitto broker;
    private AlertCollector center;

    @BeforeEach
    void startBroker() throws Exception {
        Path b = Files.createDirectories(dir.resolve("broker"));
        broker = new Mosquitto(b);
        center = new AlertCollector(broker.url(), "gridwatch/v1/test-box/#");
    }

    @AfterEach
    void stopBroker() throws Exception {
        center.close();
        broker.close();
    }

    @Test
    void readingOverTheLimitArrivesAsACompleteCloudEvent() throws Exception {
        Path file = TestConfigs.thresholdBox(dir, broker.url(), 70, "outbox");
        EdgeConfig cfg = new GatewayConfigLoader().load(file);
        Queue<Alert> stored = new ConcurrentLinkedQueue<>();
        Instant observed = Instant.parse("2026-11-20T14:05:00Z");
        try (Gateway g = Gateway.start(file, cfg, stored::add)) {
            g.pipeline().accept(new Reading("noise-1", "Leq", 75.3, "dB(A)", observed, Quality.GOOD));
            await().atMost(15, TimeUnit.SECONDS).until(() -> !center.events().isEmpty());
            await().atMost(5, TimeUnit.SECONDS).until(() -> g.outbox().stats().depth() == 0);
        }
        JsonNode e = center.events().getFirst();
        assertThat(e.get("_topic").asText()).isEqualTo("gridwatch/v1/test-box/alerts/noise.construction");
        assertThat(e.get("specversion").asText()).isEqualTo("1.0");
        assertThat(UUID.fromString(e.get("id").asText()).version()).as("UUIDv7").isEqualTo(7);
        assertThat(e.get("id").asText()).isEqualTo(stored.peek().alertId().toString());
        assertThat(e.get("type").asText()).isEqualTo("io.gridwatch.alert.noise.construction");
        assertThat(e.get("source").asText()).isEqualTo("/gridwatch/test-box/devices/noise-1");
        assertThat(e.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(Instant.parse(e.get("time").asText())).as("CloudEvents time: when it happened").isEqualTo(observed);
        assertThat(Instant.parse(e.at("/data/producedAt").asText())).isAfter(observed);

        JsonNode d = e.get("data");
        assertThat(d.get("alertId").asText()).isEqualTo(e.get("id").asText());
        assertThat(d.get("incidentId").asText()).isNotBlank();
        assertThat(d.get("gatewayId").asText()).isEqualTo("test-box");
        assertThat(d.at("/category/code").asText()).isEqualTo("03-01");
        assertThat(d.at("/category/nameZh").asText()).isEqualTo("施工扰民");
        assertThat(d.get("severity").asText()).isEqualTo("orange");
        assertThat(d.get("lifecycle").asText()).isEqualTo("start");
        assertThat(d.at("/device/id").asText()).isEqualTo("noise-1");
        assertThat(d.at("/device/profile").asText()).isEqualTo("decibel-meter-rs485");
        assertThat(d.at("/location/lat").asDouble()).isEqualTo(31.17);
        assertThat(d.at("/gridCell/code").asText()).isEqualTo("310104007012");
        assertThat(d.at("/gridCell/name").asText()).isEqualTo("漕河泾街道 第12网格");
        assertThat(d.get("observedAt").asText()).isEqualTo("2026-11-20T14:05:00Z");
        assertThat(d.get("measurements")).anySatisfy(m -> {
            assertThat(m.get("name").asText()).isEqualTo("Leq");
            assertThat(m.get("value").asDouble()).isEqualTo(75.3);
            assertThat(m.get("unit").asText()).isEqualTo("dB(A)");
        });
        assertThat(d.at("/evidence/0/kind").asText()).isEqualTo("series");
    }

    @Test
    void statusIsRetainedOnlineWhileRunningAndOfflineAfterAGoodbye() throws Exception {
        Path file = TestConfigs.thresholdBox(dir, broker.url(), 70, "outbox");
        String statusTopic = "gridwatch/v1/test-box/status";
        try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> { })) {
            await().atMost(15, TimeUnit.SECONDS).until(() -> String.valueOf(center.status(statusTopic)).contains("\"online\""));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> String.valueOf(center.status(statusTopic)).contains("\"offline\""));
    }

    @Test
    void anIncidentIsOneStartThenUpdatesThenOneEndUnderOneIncidentId() throws Exception {
        Path file = TestConfigs.thresholdBox(dir, broker.url(), 70, "outbox");
        Instant t0 = Instant.parse("2026-11-20T14:00:00Z");
        try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> { })) {
            for (double v : new double[] {75, 76, 77, 60}) {
                g.pipeline().accept(new Reading("noise-1", "Leq", v, "dB(A)", t0, Quality.GOOD));
                t0 = t0.plusSeconds(60);
            }
            await().atMost(15, TimeUnit.SECONDS).until(() -> center.events().size() >= 4);
        }
        List<JsonNode> events = center.events();
        assertThat(events).extracting(e -> e.at("/data/lifecycle").asText()).containsExactly("start", "update", "update", "end");
        assertThat(events).extracting(e -> e.at("/data/revision").asInt()).containsExactly(0, 1, 2, 3);
        assertThat(events).extracting(e -> e.at("/data/incidentId").asText()).containsOnly(events.getFirst().at("/data/incidentId").asText());
        assertThat(events).extracting(e -> e.get("id").asText()).doesNotHaveDuplicates();
        for (JsonNode e : events) {
            ((ObjectNode) e).remove("_topic");
            assertThat(SCHEMAS.envelopeErrors(e)).as("docs/api/alert.schema.json accepts %s", e.get("id")).isEmpty();
            assertThat(SCHEMAS.dataErrors(e.get("data"))).as("the dataschema accepts the data of %s", e.get("id")).isEmpty();
        }
    }

    /** The schemas the center's developers get; every message on the wire must satisfy them. */
    private static final AlertSchemas SCHEMAS = new AlertSchemas();
}
