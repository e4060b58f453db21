package gridwatch.gateway.uplink;

import gridwatch.config.model.UplinkConfig;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.uplink.mqtt.InboundMessage;
import gridwatch.gateway.uplink.mqtt.MqttUplink;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The uplink as a two-way session against a real mosquitto: messages from the center arrive on
 * the router's thread with their MQTT 5 request/response properties, those sent while the box was
 * away wait in the broker's session, and the subscriptions survive a broker restart.
 */
@Tag("servers")
class CenterMessagesTest {

    @TempDir
    Path dir;

    @Test
    void commandsArriveLiveWhileAwayAndAfterABrokerRestart() throws Exception {
        Mosquitto broker = new Mosquitto(dir);
        UplinkConfig up = new UplinkConfig(broker.url(), "cmd-box", "gridwatch/v1", null, null, null, 30, 3600L, 20);
        List<InboundMessage> got = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        MqttClient center = new MqttClient(broker.url(), "center-" + System.nanoTime(), new MemoryPersistence());
        try {
            center.connect();
            try (MqttUplink uplink = open(up, got, threads)) {
                send(center, "gridwatch/v1/cmd-box/commands/recheck", "live");
                await().atMost(10, TimeUnit.SECONDS).until(() -> got.size() == 1);
                assertThat(got.getFirst().responseTopic()).isEqualTo("center/replies");
                assertThat(new String(got.getFirst().correlationData(), StandardCharsets.UTF_8)).isEqualTo("live");
                assertThat(got.getFirst().userProperties()).containsEntry("caseId", "case-live");
            }
            // The box is away: the broker keeps the command in the box's persistent session.
            send(center, "gridwatch/v1/cmd-box/commands/recheck", "while-away");
            try (MqttUplink uplink = open(up, got, threads)) {
                await().atMost(10, TimeUnit.SECONDS).until(() -> got.size() == 2);
                broker.stop();
                broker.start();
                await().atMost(30, TimeUnit.SECONDS).until(uplink::connected);
                center.reconnect();
                await().atMost(10, TimeUnit.SECONDS).until(center::isConnected);
                send(center, "gridwatch/v1/cmd-box/commands/recheck", "after-restart");
                await().atMost(10, TimeUnit.SECONDS).until(() -> got.size() == 3);
            }
            assertThat(got).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                    .containsExactly("live", "while-away", "after-restart");
            assertThat(threads).as("handlers run on the router's thread, never Paho's").containsOnly("uplink-inbound");
        } finally {
            if (center.isConnected()) {
                center.disconnect();
            }
            center.close();
            broker.close();
        }
    }

    private static MqttUplink open(UplinkConfig up, List<InboundMessage> got, List<String> threads) throws InterruptedException {
        MqttUplink uplink = new MqttUplink(up, "cmd-box", Clock.systemUTC());
        uplink.route("gridwatch/v1/cmd-box/commands/#", 1, m -> {
            threads.add(Thread.currentThread().getName());
            got.add(m);
        });
        uplink.start();
        assertThat(uplink.awaitConnected(15_000)).isTrue();
        return uplink;
    }

    private static void send(MqttClient center, String topic, String body) throws Exception {
        MqttProperties p = new MqttProperties();
        p.setResponseTopic("center/replies");
        p.setCorrelationData(body.getBytes(StandardCharsets.UTF_8));
        p.setUserProperties(List.of(new org.eclipse.paho.mqttv5.common.packet.UserProperty("caseId", "case-" + body.split("-")[0])));
        MqttMessage m = new MqttMessage(body.getBytes(StandardCharsets.UTF_8), 1, false, p);
        center.publish(topic, m);
    }
}
