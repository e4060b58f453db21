package gridwatch.gateway.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gridwatch.gateway.chaos.GatewayChild;
import gridwatch.gateway.chaos.OpsProbe;
import gridwatch.gateway.contract.AsyncApiExamples.Example;
import gridwatch.gateway.net.LoopbackPorts;
import gridwatch.gateway.support.AlertSchemas;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.TestConfigs;
import gridwatch.gateway.support.WireCapture;
import gridwatch.gateway.support.WireCapture.Received;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's status as a center consumer meets it on a real mosquitto: the real gateway process ({@code gridwatch
 * run}) comes online, is killed with SIGKILL (the broker publishes its last will), starts again and stops cleanly.
 * Every status message has the MQTT 5 content type, follows {@code docs/api/status.schema.json}, and a consumer that
 * keeps the latest status by session number shows the dead box as offline and the restarted one as online.
 */
@Tag("servers")
class LastWillContractTest {

    private static final String STATUS = "gridwatch/v1/test-box/status";
    private static final AlertSchemas SCHEMAS = new AlertSchemas();

    @TempDir
    Path dir;

    @Test
    void theLastWillIsAnOfflineStatusWithItsContentTypeThatOrdersAfterTheOnlineItFollows() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")));
             WireCapture center = new WireCapture(broker.url(), STATUS)) {
            int http = LoopbackPorts.free();
            Path config = TestConfigs.thresholdBox(dir, broker.url(), 70, "outbox");
            Files.writeString(config, Files.readString(config).replace("http: {port: 0}", "http: {bind: 127.0.0.1, port: " + http + "}"));
            try (GatewayChild gateway = new GatewayChild(config, dir.resolve("gateway.log"), new OpsProbe(http), List.of())) {
                gateway.start();
                await().atMost(30, TimeUnit.SECONDS).until(() -> states(center).equals(List.of("online")));
                gateway.kill9();
                await().atMost(30, TimeUnit.SECONDS).until(() -> states(center).equals(List.of("online", "offline")));
                assertThat(latest(center).get("state").asText()).as("a consumer keeping the latest by session").isEqualTo("offline");

                gateway.start();
                await().atMost(30, TimeUnit.SECONDS).until(() -> states(center).size() == 3);
                assertThat(latest(center).get("state").asText()).isEqualTo("online");
                gateway.terminate();
                await().atMost(30, TimeUnit.SECONDS).until(() -> states(center).size() == 4);
                assertThat(latest(center).get("state").asText()).isEqualTo("offline");
            }
            List<Received> all = center.all();
            assertThat(states(center)).containsExactly("online", "offline", "online", "offline");
            for (Received r : all) {
                assertThat(r.contentType()).as("MQTT 5 content type of %s", r.json()).isEqualTo("application/json");
                assertThat(r.utf8()).as("payload format indicator: UTF-8").isTrue();
                assertThat(SCHEMAS.statusErrors(r.json())).as("status.schema.json on %s", r.json()).isEmpty();
            }
            JsonNode will = all.get(1).json();
            assertThat(will.has("at")).as("the will cannot know when the box died").isFalse();
            assertThat(will.get("session").asLong()).as("the will belongs to the connection it was left by").isEqualTo(all.get(0).json().get("session").asLong());
            assertThat(all.get(2).json().get("session").asLong()).as("a restart's session is higher").isGreaterThan(will.get("session").asLong());
            assertThat(all.get(3).json().has("at")).as("a clean stop says when").isTrue();

            writeForTheContractCheck(all);
            List<String> diff = AsyncApiExamples.sync("status examples", "/components/messages/status/examples", List.of(
                    new Example("online", "The gateway connected", all.get(0).json()),
                    new Example("last-will", "The connection died without a goodbye: the broker publishes the will", will),
                    new Example("clean-stop", "The gateway stopped cleanly", all.get(3).json())), List.of("/payload/at"));
            assertThat(diff).as("docs/api/asyncapi.yaml status examples vs the real messages; regenerate with %s", AsyncApiExamples.REGENERATE)
                    .isEmpty();
        }
    }

    private static List<String> states(WireCapture center) {
        return center.all().stream().map(r -> r.json().get("state").asText()).toList();
    }

    /** What a consumer keeping one status per gateway shows: highest session, offline after online within one. */
    private static JsonNode latest(WireCapture center) {
        return center.all().stream().map(Received::json)
                .max(Comparator.comparingLong((JsonNode s) -> s.get("session").asLong())
                        .thenComparing(s -> s.get("state").asText().equals("offline") ? 1 : 0))
                .orElseThrow();
    }

    private static void writeForTheContractCheck(List<Received> all) throws Exception {
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (Received r : all) {
            ObjectNode line = json.createObjectNode();
            line.put("topic", r.topic());
            line.put("contentType", r.contentType());
            line.put("payload", new String(r.payload(), StandardCharsets.UTF_8));
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        Files.writeString(Files.createDirectories(Path.of("target/contract")).resolve("status.jsonl"), lines, StandardCharsets.UTF_8);
    }
}
