package gridwatch.gateway.alert;

import com.fasterxml.jackson.databind.JsonNode;
import gridwatch.gateway.chaos.GatewayChild;
import gridwatch.gateway.chaos.OpsProbe;
import gridwatch.gateway.ingest.hj212.Hj212Responses;
import gridwatch.gateway.net.LoopbackPorts;
import gridwatch.gateway.support.AlertCollector;
import gridwatch.gateway.support.Mosquitto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An incident open when the gateway stops goes on after its restart, as the center sees it: the real gateway process
 * ({@code gridwatch run}), a real HJ 212 station talking to it over TCP, a real mosquitto and an independent
 * subscriber. Killed with SIGKILL or stopped with SIGTERM, the restarted gateway continues the same case; away longer
 * than the restart timeout, it closes the case with endReason {@code gateway-restart-timeout}.
 */
@Tag("servers")
class IncidentRestartTest {

    private static final String MN = "690000D5800028F889000003";
    private static final LocalDateTime T0 = LocalDateTime.parse("2026-11-20T23:10:00"); // site time (Asia/Shanghai)

    @TempDir
    Path dir;
    private Mosquitto broker;
    private AlertCollector center;
    private GatewayChild gateway;
    private int hj212Port;

    private void boot(int restartTimeoutSeconds) throws Exception {
        broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")));
        center = new AlertCollector(broker.url(), "gridwatch/v1/site-box/#");
        hj212Port = LoopbackPorts.free();
        int httpPort = LoopbackPorts.free();
        Path config = dir.resolve("box.yaml");
        Files.writeString(config, """
                gateway: {id: site-box}
                site: {timeZone: Asia/Shanghai, location: {lat: 31.17, lon: 121.45}}
                uplink: {broker: "%s"}
                outbox: {directory: outbox}
                http: {bind: 127.0.0.1, port: %d}
                ingest: {hj212: {bind: 127.0.0.1, port: %d}}
                zones: [{id: site-0423, gridCell: {code: "310104012003", name: 龙华街道 第3网格}}]
                devices:
                  - id: site-0423-noise
                    profile: noise-station-hj212
                    zone: site-0423
                    connection: {type: hj212, mn: "%s", password: "123456"}
                categories:
                  noise.construction: {code: "03-01", nameZh: 施工扰民, scheme: CJT214}
                rules:
                  - id: site-boundary
                    type: threshold
                    alertType: noise.construction
                    devices: [site-0423-noise]
                    resource: LA
                    above: 70
                    severity: orange
                alerts: {updateIntervalSeconds: 3600, cooldownSeconds: 0, restartTimeoutSeconds: %d}
                """.formatted(broker.url(), httpPort, hj212Port, MN, restartTimeoutSeconds));
        gateway = new GatewayChild(config, dir.resolve("gateway.log"), new OpsProbe(httpPort), List.of());
        gateway.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (center != null) {
            center.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void afterAKill9TheNextReadingsContinueAndEndTheSameIncident() throws Exception {
        boot(1800);
        JsonNode start = startAnIncident();
        gateway.kill9();
        gateway.start();
        continuesAndEnds(start);
    }

    @Test
    void afterACleanStopTheNextReadingsContinueAndEndTheSameIncident() throws Exception {
        boot(1800);
        JsonNode start = startAnIncident();
        gateway.terminate();
        await().atMost(15, TimeUnit.SECONDS).until(() -> String.valueOf(center.status("gridwatch/v1/site-box/status")).contains("offline"));
        assertThat(alerts()).as("a clean stop sends no END: the case stays open for the restart").hasSize(1);
        gateway.start();
        continuesAndEnds(start);
    }

    @Test
    void aProblemThatClearedWhileTheGatewayWasDownEndsAtItsFirstReadingAfterTheRestart() throws Exception {
        boot(1800);
        JsonNode start = startAnIncident();
        gateway.kill9();
        gateway.start();
        send(T0.plusMinutes(5), 58.0); // the rule takes back its active state: no hold, the first quiet reading clears it
        await().atMost(30, TimeUnit.SECONDS).until(() -> alerts().size() >= 2);
        JsonNode end = alerts().get(1);
        assertThat(end.at("/data/lifecycle").asText()).isEqualTo("end");
        assertThat(end.at("/data/endReason").asText()).isEqualTo("cleared");
        assertThat(end.at("/data/incidentId").asText()).isEqualTo(start.at("/data/incidentId").asText());
        assertThat(end.at("/data/observedAt").asText()).isEqualTo("2026-11-20T15:15:00Z");
    }

    @Test
    void awayLongerThanTheRestartTimeoutTheIncidentEndsWithThatReason() throws Exception {
        boot(2);
        JsonNode start = startAnIncident();
        gateway.kill9();
        Thread.sleep(3000); // the outage itself: longer than the 2 s bound (the assertions below wait for what follows)
        gateway.start();
        await().atMost(30, TimeUnit.SECONDS).until(() -> alerts().size() >= 2);
        JsonNode end = alerts().get(1);
        assertThat(end.at("/data/lifecycle").asText()).isEqualTo("end");
        assertThat(end.at("/data/endReason").asText()).isEqualTo("gateway-restart-timeout");
        assertThat(end.at("/data/incidentId").asText()).isEqualTo(start.at("/data/incidentId").asText());
        assertThat(end.at("/data/revision").asInt()).isEqualTo(1);
        assertThat(end.at("/data/summary").asText()).contains("nothing confirmed");

        send(T0.plusMinutes(10), 75.0); // the problem is back: a new case
        await().atMost(30, TimeUnit.SECONDS).until(() -> alerts().size() >= 3);
        JsonNode again = alerts().get(2);
        assertThat(again.at("/data/lifecycle").asText()).isEqualTo("start");
        assertThat(again.at("/data/incidentId").asText()).isNotEqualTo(start.at("/data/incidentId").asText());
    }

    private JsonNode startAnIncident() throws Exception {
        send(T0, 75.0);
        await().atMost(30, TimeUnit.SECONDS).until(() -> !alerts().isEmpty());
        JsonNode start = alerts().getFirst();
        assertThat(start.at("/data/lifecycle").asText()).isEqualTo("start");
        return start;
    }

    private void continuesAndEnds(JsonNode start) throws Exception {
        String incident = start.at("/data/incidentId").asText();
        send(T0.plusMinutes(1), 76.0);
        await().atMost(30, TimeUnit.SECONDS).until(() -> alerts().size() >= 2);
        send(T0.plusMinutes(2), 60.0);
        await().atMost(30, TimeUnit.SECONDS).until(() -> alerts().size() >= 3);
        List<JsonNode> all = alerts();
        assertThat(all).extracting(e -> e.at("/data/lifecycle").asText()).containsExactly("start", "update", "end");
        assertThat(all).extracting(e -> e.at("/data/incidentId").asText()).containsOnly(incident);
        assertThat(all).extracting(e -> e.at("/data/revision").asInt()).containsExactly(0, 1, 2);
        assertThat(all.get(1).at("/data/startedAt").asText()).isEqualTo(start.at("/data/startedAt").asText());
        assertThat(all.get(2).at("/data/endReason").asText()).isEqualTo("cleared");
    }

    /** Distinct alerts in arrival order (a redelivery after the restart repeats an id). */
    private List<JsonNode> alerts() {
        java.util.Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        center.events().forEach(e -> byId.putIfAbsent(e.get("id").asText(), e));
        return List.copyOf(byId.values());
    }

    /** One HJ 212 real-time packet (CN 2011) from the station, as a noise station sends it. */
    private void send(LocalDateTime at, double la) throws IOException {
        String time = at.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), hj212Port)) {
            OutputStream out = s.getOutputStream();
            out.write(Hj212Responses.frame("QN=" + time + "000;ST=23;CN=2011;PW=123456;MN=" + MN + ";Flag=4;CP=&&DataTime=" + time
                    + ";LA-Rtd=" + la + ",LA-Flag=N&&"));
            out.flush();
        }
    }
}
