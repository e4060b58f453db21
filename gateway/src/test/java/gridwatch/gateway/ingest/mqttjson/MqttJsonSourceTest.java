package gridwatch.gateway.ingest.mqttjson;

import gridwatch.config.model.MqttJsonConnection;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.ops.GatewayMetrics;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.profiles.DeviceProfile;
import gridwatch.profiles.DeviceResource;
import gridwatch.profiles.ProfileLoader;
import gridwatch.profiles.ResourceProperties;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** A radar gauge's readings from an IoT platform's JSON messages on a real mosquitto. */
@Tag("servers")
class MqttJsonSourceTest {

    @TempDir
    Path dir;

    @Test
    void jsonReadingsArriveBadMessagesAreRefusedAndABrokerRestartIsSurvived() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")))) {
            var profile = new ProfileLoader().load(List.of()).find("radar-water-level").orElseThrow();
            Queue<Reading> readings = new ConcurrentLinkedQueue<>();
            MqttJsonSource source = new MqttJsonSource("gauge-7",
                    new MqttJsonConnection(broker.url(), "platform/gauges/gauge-7", null, null, "$.ts"), profile, Clock.systemUTC());
            source.start(readings::add);
            MqttClient platform = new MqttClient(broker.url(), "iot-platform", new MemoryPersistence());
            platform.connect();
            try {
                await().atMost(10, TimeUnit.SECONDS).until(() -> source.describe().startsWith("subscribed"));
                publish(platform, "{\"ts\":\"2026-09-14T14:00:00+08:00\",\"data\":{\"waterLevel\":4.62}}");
                await().atMost(10, TimeUnit.SECONDS).until(() -> readings.size() == 1);
                Reading r = readings.peek();
                assertThat(r.resource()).isEqualTo("waterLevel");
                assertThat(r.value()).isEqualTo(4.62);
                assertThat(r.unit()).isEqualTo("m");
                assertThat(r.observedAt()).isEqualTo(Instant.parse("2026-09-14T06:00:00Z"));

                publish(platform, "not json at all");
                publish(platform, "{\"ts\":\"2026-09-14T14:10:00+08:00\",\"data\":{\"level\":4.7}}");
                await().atMost(10, TimeUnit.SECONDS).until(() -> source.malformed() == 2);

                broker.stop();
                await().atMost(10, TimeUnit.SECONDS).until(() -> !platform.isConnected());
                broker.start();
                platform.connect();
                await().atMost(30, TimeUnit.SECONDS).until(() -> source.describe().startsWith("subscribed"));
                publish(platform, "{\"ts\":1789372800000,\"data\":{\"waterLevel\":4.80}}");
                await().atMost(15, TimeUnit.SECONDS).until(() -> readings.size() == 2);
                assertThat(readings).last().extracting(Reading::value).isEqualTo(4.80);
            } finally {
                if (platform.isConnected()) {
                    platform.disconnect();
                }
                platform.close();
                source.close();
            }
        }
    }

    @Test
    void nanAndInfinityAreBadReadingsTheOtherValuesArriveAndTheConnectionStays() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")))) {
            Queue<Reading> readings = new ConcurrentLinkedQueue<>();
            GatewayMetrics metrics = new GatewayMetrics();
            MqttJsonSource source = new MqttJsonSource("gauge-9",
                    new MqttJsonConnection(broker.url(), "platform/gauges/gauge-9", null, null, null), gaugeWithFlow(), Clock.systemUTC(),
                    metrics::valueUnusable);
            source.start(readings::add);
            MqttClient platform = new MqttClient(broker.url(), "iot-platform-9", new MemoryPersistence());
            platform.connect();
            try {
                await().atMost(10, TimeUnit.SECONDS).until(() -> source.describe().startsWith("subscribed"));
                // What publishers really send: Python's json.dumps writes NaN and Infinity bare, C's printf
                // overflows to 1e999-style text, and some platforms quote every number.
                for (String body : List.of(
                        "{\"data\":{\"waterLevel\":NaN,\"flow\":1.5}}",
                        "{\"data\":{\"waterLevel\":1e999,\"flow\":1.6}}",
                        "{\"data\":{\"waterLevel\":-Infinity,\"flow\":1.7}}",
                        "{\"data\":{\"waterLevel\":\"Infinity\",\"flow\":\"1.8\"}}",
                        "{\"data\":{\"waterLevel\":4.62,\"flow\":1.9}}")) {
                    platform.publish("platform/gauges/gauge-9", body.getBytes(StandardCharsets.UTF_8), 1, false);
                }
                await().atMost(15, TimeUnit.SECONDS).until(() -> readings.size() == 10);
                assertThat(readings).filteredOn(r -> r.resource().equals("waterLevel"))
                        .extracting(Reading::value, Reading::quality)
                        .containsExactly(tuple(Double.NaN, Quality.BAD), tuple(Double.POSITIVE_INFINITY, Quality.BAD),
                                tuple(Double.NEGATIVE_INFINITY, Quality.BAD), tuple(Double.POSITIVE_INFINITY, Quality.BAD),
                                tuple(4.62, Quality.GOOD));
                assertThat(readings).filteredOn(r -> r.resource().equals("flow"))
                        .extracting(Reading::value, Reading::quality)
                        .containsExactly(tuple(1.5, Quality.GOOD), tuple(1.6, Quality.GOOD), tuple(1.7, Quality.GOOD),
                                tuple(1.8, Quality.GOOD), tuple(1.9, Quality.GOOD));
                assertThat(source.malformed()).isZero();
                assertThat(source.describe()).startsWith("subscribed");
                assertThat(source.connects()).as("the connection was never lost").isEqualTo(1);
                assertThat(metrics.valueUnusableCount("gauge-9", "nan")).isEqualTo(1);
                assertThat(metrics.valueUnusableCount("gauge-9", "infinite")).isEqualTo(3);
            } finally {
                platform.disconnect();
                platform.close();
                source.close();
            }
        }
    }

    @Test
    void closeEndsEveryThreadOfTheSourceWhileABrokerNeverAnswersTheConnect() throws Exception {
        // The kernel completes the TCP handshake on the backlog; nobody ever answers the CONNECT.
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            MqttJsonSource source = new MqttJsonSource("gauge-hole",
                    new MqttJsonConnection("tcp://127.0.0.1:" + blackHole.getLocalPort(), "platform/gauges/hole", null, null, null),
                    gaugeWithFlow(), Clock.systemUTC());
            source.start(r -> { });
            await().atMost(10, TimeUnit.SECONDS).until(() -> ThreadDump.named("gauge-hole").stream().anyMatch(n -> n.startsWith("MQTT Rec")));
            source.close();
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(ThreadDump.named("gauge-hole")).isEmpty());
        }
    }

    @Test
    void closeEndsEveryThreadOfTheSourceWhileItWaitsForALostBroker() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")))) {
            MqttJsonSource source = new MqttJsonSource("gauge-away",
                    new MqttJsonConnection(broker.url(), "platform/gauges/away", null, null, null), gaugeWithFlow(), Clock.systemUTC());
            source.start(r -> { });
            await().atMost(10, TimeUnit.SECONDS).until(() -> source.describe().startsWith("subscribed"));
            broker.stop();
            await().atMost(10, TimeUnit.SECONDS).until(() -> !source.describe().startsWith("subscribed"));
            source.close();
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(ThreadDump.named("gauge-away")).isEmpty());
        }
    }

    /** The radar gauge plus a flow reading in the same message. */
    private static DeviceProfile gaugeWithFlow() {
        ResourceProperties level = new ResourceProperties("Float64", "R", "m", null, null, null, null, -5.0, 100.0, null, null);
        ResourceProperties flow = new ResourceProperties("Float64", "R", "m3/s", null, null, null, null, null, null, null, null);
        return new DeviceProfile("gauge-with-flow", "Test", "G-1", null, "sensor", null, List.of("mqtt-json"), List.of(
                new DeviceResource("waterLevel", null, Map.of("mqttJson", Map.of("jsonPath", "$.data.waterLevel")), level),
                new DeviceResource("flow", null, Map.of("mqttJson", Map.of("jsonPath", "$.data.flow")), flow)), "test");
    }

    @Test
    void jsonPathsBecomePointers() {
        assertThat(JsonPaths.toPointer("$.data.waterLevel").toString()).isEqualTo("/data/waterLevel");
        assertThat(JsonPaths.toPointer("$.readings[0].v").toString()).isEqualTo("/readings/0/v");
        assertThat(JsonPaths.toPointer("$['data']['level']").toString()).isEqualTo("/data/level");
    }

    private static void publish(MqttClient c, String body) throws Exception {
        c.publish("platform/gauges/gauge-7", body.getBytes(StandardCharsets.UTF_8), 1, false);
    }
}
