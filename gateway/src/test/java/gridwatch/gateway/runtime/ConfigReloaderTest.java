package gridwatch.gateway.runtime;

import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.ThresholdRuleConfig;
import gridwatch.gateway.support.InheritedSignals;
import gridwatch.gateway.support.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8, defect 9 (the reloader's part): the reloader outlives a failing apply, and closing it gives SIGHUP back
 * to whoever had it and stops its thread. Uses a real file watch and real signals sent to this JVM.
 */
@SuppressWarnings("restriction")
@Tag("servers")
class ConfigReloaderTest {

    private static final Signal HUP = new Signal("HUP");

    @TempDir
    Path dir;
    private final Queue<EdgeConfig> applied = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** The pipeline's side of a reload; the first call fails as a broken apply would. */
    private CompletableFuture<Void> applyFailingOnce(EdgeConfig next) {
        if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("apply broke");
        }
        applied.add(next);
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> apply(EdgeConfig next) {
        calls.incrementAndGet();
        applied.add(next);
        return CompletableFuture.completedFuture(null);
    }

    private static double above(EdgeConfig c) {
        return ((ThresholdRuleConfig) c.rules().getFirst()).above();
    }

    private static void edit(Path file, double from, double to) throws Exception {
        Files.writeString(file, Files.readString(file).replace("above: " + from, "above: " + to));
    }

    @Test
    void aFailingApplyDoesNotKillTheReloaderAndTheNextEditIsApplied() throws Exception {
        Path file = TestConfigs.thresholdBox(dir, "tcp://127.0.0.1:1", 70, "outbox");
        try (ConfigReloader reloader = new ConfigReloader(file, new GatewayConfigLoader().load(file), next -> applyFailingOnce(next))) {
            edit(file, 70.0, 71.0);
            await().atMost(10, TimeUnit.SECONDS).until(() -> calls.get() == 1);
            edit(file, 71.0, 72.0);
            await().atMost(10, TimeUnit.SECONDS).until(() -> !applied.isEmpty());
            assertThat(above(applied.peek())).isEqualTo(72.0);
            assertThat(reloader.reloads()).isEqualTo(1);
        }
    }

    private static Set<Thread> reloaderThreads() {
        Set<Thread> out = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("config-reloader")) {
                out.add(t);
            }
        }
        return out;
    }

    private static void sighupThisJvm() throws Exception {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(ProcessHandle.current().pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    @Test
    void closeGivesSighupBackToItsPreviousHandlerAndStopsTheThread() throws Exception {
        InheritedSignals.requireDelivered("HUP");
        Path file = TestConfigs.thresholdBox(dir, "tcp://127.0.0.1:1", 70, "outbox");
        AtomicInteger oursHeard = new AtomicInteger();
        SignalHandler ours = sig -> oursHeard.incrementAndGet();
        SignalHandler jvms = Signal.handle(HUP, ours);
        try {
            Set<Thread> before = reloaderThreads();
            ConfigReloader reloader = new ConfigReloader(file, new GatewayConfigLoader().load(file), next -> apply(next));
            Set<Thread> mine = reloaderThreads();
            mine.removeAll(before);
            assertThat(mine).hasSize(1);
            Thread thread = mine.iterator().next();

            sighupThisJvm();
            await().atMost(10, TimeUnit.SECONDS).until(() -> calls.get() == 1);
            assertThat(oursHeard).hasValue(0);

            reloader.close();
            assertThat(thread.isAlive()).as("close() waits for the reloader's thread to end").isFalse();

            sighupThisJvm();
            await().atMost(10, TimeUnit.SECONDS).until(() -> oursHeard.get() == 1);
            assertThat(calls).as("a closed reloader reloads nothing").hasValue(1);
            assertThat(List.copyOf(applied)).hasSize(1);
        } finally {
            Signal.handle(HUP, jvms);
        }
    }
}
