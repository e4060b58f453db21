package gridwatch.gateway.runtime;

import gridwatch.gateway.support.AlertCollector;
import gridwatch.gateway.support.GatewayProcessMain;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway process is killed with SIGKILL mid-stream and restarted on the same outbox: nothing stored is lost. */
@Tag("servers")
class GatewayKillTest {

    @TempDir
    Path dir;

    @Test
    void everyStoredAlertIsDeliveredAfterKill9sAndARestartOnTheSameOutbox() throws Exception {
        Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")));
        AlertCollector center = new AlertCollector(broker.url(), "gridwatch/v1/test-box/#");
        Path config = TestConfigs.thresholdBox(dir, broker.url(), 70, "outbox");
        Queue<String> stored = new ConcurrentLinkedQueue<>();
        try {
            // Kill 1, broker up: whatever was in flight must go out again after the restart.
            Process first = spawn(config, "produce", stored);
            await().atMost(60, TimeUnit.SECONDS).until(() -> stored.size() >= 300);
            kill9(first);
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> String.valueOf(center.status("gridwatch/v1/test-box/status")).contains("offline"));

            // Kill 2, broker down: a backlog sits only in the outbox file when the process dies.
            Process second = spawn(config, "produce", stored);
            await().atMost(60, TimeUnit.SECONDS).until(() -> stored.size() >= 500);
            broker.stop();
            int atOutage = stored.size();
            await().atMost(60, TimeUnit.SECONDS).until(() -> stored.size() >= atOutage + 300);
            kill9(second);
            List<String> produced = new ArrayList<>(stored);
            broker.start();
            // What the broker had acknowledged reaches the center once both are back; on a busy box the killed
            // gateway may have been far behind, so wait for the count to settle rather than for a number.
            int[] last = {-1};
            long[] since = {System.nanoTime()};
            await().atMost(60, TimeUnit.SECONDS).pollInterval(250, TimeUnit.MILLISECONDS).until(() -> {
                int now = center.ids().size();
                if (now != last[0]) {
                    last[0] = now;
                    since[0] = System.nanoTime();
                }
                return center.connected() && System.nanoTime() - since[0] > 3_000_000_000L;
            });
            int receivedBeforeRestart = center.ids().size();

            Process drainer = spawn(config, "drain", new ConcurrentLinkedQueue<>());
            try {
                await().atMost(60, TimeUnit.SECONDS).until(() -> center.ids().containsAll(produced));
            } finally {
                drainer.destroy();
                drainer.waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(produced).hasSizeGreaterThanOrEqualTo(800).doesNotHaveDuplicates();
            assertThat(produced.size() - receivedBeforeRestart).as("delivered from disk by the restarted gateway")
                    .isGreaterThanOrEqualTo(250);
            assertThat(center.ids()).containsAll(produced);
        } finally {
            center.close();
            broker.close();
        }
    }

    private static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no goodbye
        p.waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(200); // let the reader take the last lines the dead process had flushed
    }

    private Process spawn(Path config, String mode, Queue<String> stored) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), GatewayProcessMain.class.getName(), config.toString(), mode);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        Path log = dir.resolve(mode + ".log");
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("STORED ")) {
                        stored.add(line.substring(7).strip());
                    } else {
                        Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                }
            } catch (IOException ignored) {
                // the process died: that is the point
            }
        });
        return p;
    }
}
