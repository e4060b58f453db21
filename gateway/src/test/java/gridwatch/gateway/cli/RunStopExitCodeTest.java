package gridwatch.gateway.cli;

import gridwatch.gateway.chaos.GatewayChild;
import gridwatch.gateway.chaos.OpsProbe;
import gridwatch.gateway.net.LoopbackPorts;
import gridwatch.gateway.support.InheritedSignals;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.TestConfigs;
import gridwatch.gateway.support.WireCapture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code gridwatch run} as systemd runs it: the real process, stopped with SIGTERM ({@code systemctl stop}) or SIGINT
 * (Ctrl-C), stops cleanly and exits 0, so a requested stop is not counted as a failure (the JVM's own handler exits
 * 128 + 15 = 143 after running shutdown hooks). A start that fails still exits non-zero.
 */
@Tag("servers")
class RunStopExitCodeTest {

    private static final String STATUS = "gridwatch/v1/test-box/status";

    @TempDir
    Path dir;

    @Test
    void sigtermStopsCleanlyAndExitsZero() throws Exception {
        stopsCleanlyWith("TERM");
    }

    @Test
    void sigintStopsCleanlyAndExitsZero() throws Exception {
        stopsCleanlyWith("INT");
    }

    private void stopsCleanlyWith(String signal) throws Exception {
        InheritedSignals.requireDelivered(signal);
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")));
             WireCapture center = new WireCapture(broker.url(), STATUS)) {
            int http = LoopbackPorts.free();
            Path config = box(broker.url(), http);
            try (GatewayChild gateway = new GatewayChild(config, dir.resolve("gateway.log"), new OpsProbe(http), List.of())) {
                gateway.start();
                await().atMost(30, TimeUnit.SECONDS).until(() -> states(center).equals(List.of("online")));

                int code = gateway.signal(signal);

                String log = Files.readString(dir.resolve("gateway.log"), StandardCharsets.UTF_8);
                assertThat(code).as("exit code after SIG%s; log:%n%s", signal, gateway.tail(30)).isZero();
                assertThat(log).contains("SIG" + signal + " received: stopping").contains("gateway stopped;");
                await().atMost(15, TimeUnit.SECONDS).until(() -> states(center).equals(List.of("online", "offline")));
                assertThat(center.all().getLast().json().has("at")).as("the goodbye of a clean stop, not the last will").isTrue();
            }
        }
    }

    @Test
    void aStartThatFailsExitsNonZero() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")));
             ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path config = box(broker.url(), taken.getLocalPort());
            try (GatewayChild gateway = new GatewayChild(config, dir.resolve("gateway.log"), new OpsProbe(LoopbackPorts.free()), List.of())) {
                assertThatThrownBy(gateway::start).hasMessageContaining("at start");
                assertThat(gateway.exitCode()).isPresent();
                assertThat(gateway.exitCode().getAsInt()).as("a failed start is a failure").isNotZero();
                assertThat(gateway.tail(200)).contains("Address already in use");
            }
        }
    }

    private Path box(String broker, int httpPort) throws Exception {
        Path config = TestConfigs.thresholdBox(dir, broker, 70, "outbox");
        Files.writeString(config, Files.readString(config).replace("http: {port: 0}", "http: {bind: 127.0.0.1, port: " + httpPort + "}"));
        return config;
    }

    private static List<String> states(WireCapture center) {
        return center.all().stream().map(r -> r.json().get("state").asText()).toList();
    }
}
