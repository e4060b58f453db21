package gridwatch.gateway.uplink;

import gridwatch.config.model.UplinkConfig;
import gridwatch.gateway.alert.outbox.Outbox;
import gridwatch.gateway.alert.outbox.OutboxMessage;
import gridwatch.gateway.support.AlertCollector;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.uplink.mqtt.MqttUplink;
import gridwatch.gateway.uplink.mqtt.OutboxPublisher;
import gridwatch.gateway.uplink.mqtt.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real mosquitto whose ACL forbids one alert topic answers those PUBLISHes with PUBACK 0x87
 * (not authorized). Before, such an alert was only retried on the next connect, and then forever;
 * now it is retried with backoff, then moved to the dead-letter table, and the alerts behind it
 * are not held up.
 */
@Tag("servers")
class RefusedAlertsTest {

    @TempDir
    Path dir;

    @Test
    void refusedAlertsAreRetriedThenDeadLetteredWhileTheOthersFlow() throws Exception {
        Path acl = Files.writeString(Files.createDirectories(dir.resolve("broker")).resolve("acl"), """
                topic read #
                topic write gridwatch/v1/acl-box/status
                topic write gridwatch/v1/acl-box/alerts/noise.life
                """);
        Mosquitto broker = new Mosquitto(dir.resolve("broker"), "acl_file " + acl);
        AlertCollector center = new AlertCollector(broker.url(), "gridwatch/v1/acl-box/alerts/#");
        UplinkConfig up = new UplinkConfig(broker.url(), "acl-box", "gridwatch/v1", null, null, null, 30, 0L, 20);
        RetryPolicy fast = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(400));
        try (Outbox outbox = new Outbox(dir.resolve("outbox"), 1 << 24, true);
             MqttUplink uplink = new MqttUplink(up, "acl-box", Clock.systemUTC());
             OutboxPublisher publisher = new OutboxPublisher(outbox, uplink, nanos -> { }, fast)) {
            uplink.start();
            publisher.start();
            assertThat(uplink.awaitConnected(15_000)).isTrue();
            List<String> allowed = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean forbidden = i % 10 == 3;
                String id = (forbidden ? "refused-" : "ok-") + i;
                String alertType = forbidden ? "noise.construction" : "noise.life";
                outbox.append(new OutboxMessage(id, "noise-" + (i % 3), 2, alertType,
                        ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8))).get(5, TimeUnit.SECONDS);
                if (!forbidden) {
                    allowed.add(id);
                }
            }
            await().atMost(30, TimeUnit.SECONDS).until(() -> center.ids().containsAll(allowed));
            await().atMost(30, TimeUnit.SECONDS).until(() -> outbox.stats().deadLetters() == 4 && outbox.stats().depth() == 0);
            assertThat(center.ids()).as("refused alerts never reach the center").noneMatch(id -> id.startsWith("refused-"));
            assertThat(publisher.refusals()).as("each refused alert was tried maxAttempts times").isEqualTo(4 * 3);
            assertThat(publisher.waitingForRetry()).isZero();
            assertThat(uplink.connected()).as("refusals never cost the connection").isTrue();
            assertThat(uplink.state().connects()).isEqualTo(1);
        } finally {
            center.close();
            broker.close();
        }
        try (Outbox reopened = new Outbox(dir.resolve("outbox"), 1 << 24, true)) {
            assertThat(reopened.stats().deadLetters()).as("dead letters are kept").isEqualTo(4);
        }
    }
}
