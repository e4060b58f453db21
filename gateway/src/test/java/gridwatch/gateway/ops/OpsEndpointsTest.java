package gridwatch.gateway.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /health, /metrics and /api/alerts over real HTTP, and health that follows the broker. */
@Tag("servers")
class OpsEndpointsTest {

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> get(Gateway g, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void endpointsReportUplinkOutboxDevicesMetricsAndRecentAlerts() throws Exception {
        Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")));
        Path file = TestConfigs.thresholdBox(dir, broker.url(), 70, "outbox");
        try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> { })) {
            await().atMost(15, TimeUnit.SECONDS).until(() -> g.uplink().connected());
            g.pipeline().accept(new Reading("noise-1", "Leq", 80, "dB(A)", Instant.parse("2026-11-20T14:00:00Z"), Quality.GOOD));
            await().atMost(10, TimeUnit.SECONDS).until(() -> g.metrics().publishedCount() == 1);

            HttpResponse<String> health = get(g, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode h = json.readTree(health.body());
            assertThat(h.get("status").asText()).isEqualTo("UP");
            assertThat(h.at("/components/uplink/state").asText()).isEqualTo("CONNECTED");
            assertThat(h.at("/components/outbox/pending").asLong()).isZero();
            assertThat(h.at("/components/devices/noise-1/state").asText()).isEqualTo("UP");
            assertThat(h.at("/components/devices/noise-1/readings").asLong()).isEqualTo(1);

            String metrics = get(g, "/metrics").body();
            assertThat(metrics).contains("gridwatch_readings_in_total{device=\"noise-1\"} 1.0")
                    .contains("gridwatch_alerts_produced_total{lifecycle=\"start\",type=\"noise.construction\"} 1.0")
                    .contains("gridwatch_alerts_published_total 1.0")
                    .contains("gridwatch_outbox_pending 0.0")
                    .contains("gridwatch_outbox_bytes")
                    .contains("gridwatch_publish_latency_seconds_count 1");

            JsonNode alerts = json.readTree(get(g, "/api/alerts?limit=5").body());
            assertThat(alerts.at("/alerts/0/category/code").asText()).isEqualTo("03-01");
            assertThat(get(g, "/nope").statusCode()).isEqualTo(404);

            broker.stop();
            await().atMost(10, TimeUnit.SECONDS).until(() -> json.readTree(get(g, "/health").body()).get("status").asText().equals("DEGRADED"));
            JsonNode degraded = json.readTree(get(g, "/health").body());
            assertThat(degraded.at("/components/uplink/state").asText()).isEqualTo("CONNECTING");
            assertThat(degraded.at("/components/uplink/lastError").asText()).isNotBlank();
        } finally {
            broker.close();
        }
    }
}
