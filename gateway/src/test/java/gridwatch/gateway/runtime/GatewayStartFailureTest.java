package gridwatch.gateway.runtime;

import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A start that fails half-way (the HJ 212 port is taken, the last thing the gateway binds) closes
 * everything it had opened: before, the outbox's non-daemon writer thread kept the JVM alive and
 * the threads and ports of the parts already started stayed behind.
 */
@Tag("servers")
class GatewayStartFailureTest {

    private static final Set<String> GATEWAY_THREADS = Set.of("outbox-writer", "outbox-checkpoint", "outbox-publisher",
            "mqtt-uplink", "uplink-inbound", "alert-pipeline", "config-reloader", "staleness-watcher", "alert-tap");

    @TempDir
    Path dir;

    @Test
    void aStartThatFailsHalfWayLeavesNoThreadOrPortBehind() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")));
             ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path file = TestConfigs.thresholdBox(dir, broker.url(), 70, "outbox");
            Files.writeString(file, Files.readString(file) + "ingest:\n  hj212: {bind: 127.0.0.1, port: " + taken.getLocalPort() + "}\n");
            assertThatThrownBy(() -> Gateway.start(file, new GatewayConfigLoader().load(file), a -> { }))
                    .hasMessageContaining("Address already in use");
            await().atMost(15, TimeUnit.SECONDS).untilAsserted(() -> assertThat(gatewayThreads()).isEmpty());

            // The same box starts once the port is free: nothing of the failed start holds the outbox or a port.
            taken.close();
            try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> { })) {
                assertThat(g.hj212()).isPresent();
                await().atMost(15, TimeUnit.SECONDS).until(() -> g.uplink().connected());
            }
            await().atMost(15, TimeUnit.SECONDS).untilAsserted(() -> assertThat(gatewayThreads()).isEmpty());
        }
    }

    private static List<String> gatewayThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> GATEWAY_THREADS.stream().anyMatch(n::startsWith)).toList();
    }
}
