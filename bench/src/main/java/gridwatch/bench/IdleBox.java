package gridwatch.bench;

import gridwatch.gateway.runtime.Gateway;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One idle box in this JVM, started by {@link IdleMemoryBench} in a JVM of its own: the gateway
 * connected to the broker, {@code idle} seconds, then {@code System.gc()} and the figures, printed
 * as one {@code RESULT} line plus details. The memory is read before anything that could load
 * classes for the report (the class list and NMT come through JMX afterwards).
 *
 * <p>Args: {@code sensor BROKER IDLE} or {@code camera BROKER IDLE MODEL SHA256 VIDEO}.
 */
public final class IdleBox {

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        String broker = args[1];
        int idle = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("bench-idle-" + kind);
        Path file = "camera".equals(kind)
                ? BenchBox.writeCamera(dir, broker, Path.of(args[3]), args[4], Path.of(args[5]))
                : BenchBox.write(dir, broker, true);
        try (Gateway g = Gateway.start(file, BenchBox.load(file), a -> { })) {
            g.uplink().awaitConnected(10_000);
            Thread.sleep(idle * 1000L);
            System.gc();
            Thread.sleep(500);
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long rss = ProcessMemory.status("VmRSS");
            long anon = ProcessMemory.status("RssAnon");
            long threads = ProcessMemory.status("Threads");
            List<String> libs = ProcessMemory.nativeLibraries();
            List<String> visionLibs = libs.stream().filter(l -> ProcessMemory.VISION_LIB.matcher(l).find()).toList();
            List<String> visionClasses = ProcessMemory.visionClasses();
            System.out.printf(Locale.ROOT, "RESULT %s: heap after GC %.1f MB (committed %.1f MB), RSS %.1f MB (anon %.1f MB), "
                            + "%d threads, vision classes loaded: %d, vision natives mapped: %s%n", kind, heap.getUsed() / 1e6,
                    heap.getCommitted() / 1e6, rss / 1e6, anon / 1e6, threads, visionClasses.size(),
                    visionLibs.isEmpty() ? "none" : visionLibs.size() + " " + visionLibs);
            System.out.printf("  %s GCs since start (System.gc() included): %s%n", kind, ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(b -> b.getName() + " " + b.getCollectionCount() + " in " + b.getCollectionTime() + " ms").toList());
            System.out.printf("  %s threads: %s%n", kind, ProcessMemory.threadsByName());
            System.out.printf("  %s native libraries: %s%n", kind, libs);
            String nmt = ProcessMemory.nativeMemorySummary();
            if (!nmt.isEmpty()) {
                nmt.lines().filter(l -> l.startsWith("Total") || l.startsWith("-"))
                        .forEach(l -> System.out.printf("  %s NMT %s%n", kind, l.strip()));
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        System.exit(0);
    }
}
