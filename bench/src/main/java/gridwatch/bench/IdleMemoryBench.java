package gridwatch.bench;

import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.runtime.Gateway;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Heap after GC and resident set size of an idle gateway (connected, one device, one rule),
 * run with the launcher's JVM flags by bench/run.sh. Args: brokerUrl idleSeconds.
 */
public final class IdleMemoryBench {

    public static void main(String[] args) throws Exception {
        String broker = args[0];
        int idle = Integer.parseInt(args[1]);
        Path file = BenchBox.write(Files.createTempDirectory("bench-idle"), broker, true);
        EdgeConfig cfg = BenchBox.load(file);
        try (Gateway g = Gateway.start(file, cfg, a -> { })) {
            g.uplink().awaitConnected(10_000);
            Thread.sleep(idle * 1000L);
            System.gc();
            Thread.sleep(500);
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(-1L);
            System.out.printf("idle gateway after %d s: heap after GC %.1f MB, RSS %.1f MB (flags: %s)%n",
                    idle, heap / 1e6, rss / 1e6, ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
        System.exit(0);
    }
}
