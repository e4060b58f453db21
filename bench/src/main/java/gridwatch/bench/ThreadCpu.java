package gridwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per live thread, grouped by name with digits folded (Paho's and Netty's numbered threads add up). Where a
 * round's CPU goes, measured by the kernel's accounting rather than by sampling, which counts a runnable thread that
 * waits for a core as busy.
 */
final class ThreadCpu {

    private ThreadCpu() {
    }

    static Map<String, Long> byName() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new TreeMap<>();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null) {
                long ns = mx.getThreadCpuTime(t.getThreadId());
                if (ns > 0) {
                    cpu.merge(t.getThreadName().replaceAll("[0-9]+", "N"), ns, Long::sum);
                }
            }
        }
        return cpu;
    }

    /** Garbage-collection and JIT-compilation milliseconds so far, and the process's CPU nanoseconds. */
    record Jvm(long gcMillis, long gcCount, long jitMillis, long processCpuNanos) {
        static Jvm now() {
            long gc = 0, count = 0;
            for (var b : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, b.getCollectionTime());
                count += Math.max(0, b.getCollectionCount());
            }
            var jit = ManagementFactory.getCompilationMXBean();
            long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            return new Jvm(gc, count, jit == null ? 0 : jit.getTotalCompilationTime(), cpu);
        }

        /** Per operation between two readings: process CPU, GC and JIT in microseconds, and collections. */
        String perOp(Jvm after, int ops) {
            return String.format("process %.1f us, GC %.1f us (%d collections), JIT %.1f us",
                    (after.processCpuNanos - processCpuNanos) / 1e3 / ops, (after.gcMillis - gcMillis) * 1e3 / ops,
                    after.gcCount - gcCount, (after.jitMillis - jitMillis) * 1e3 / ops);
        }
    }

    /**
     * The whole machine's CPU time by kind ({@code /proc/stat}'s first line, in clock ticks): whether a round used the
     * cores it had (idle), and how much the virtual machine's host took from it (steal), which moves every figure of
     * a round alike. All -1 where there is no {@code /proc/stat}.
     */
    record Machine(long busy, long idle, long steal) {
        static Machine now() {
            try {
                String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
                // cpu user nice system idle iowait irq softirq steal ...
                long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                long irq = Long.parseLong(f[6]) + Long.parseLong(f[7]);
                long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
                return new Machine(user + nice + system + irq, idle, steal);
            } catch (java.io.IOException | RuntimeException e) {
                return new Machine(-1, -1, -1);
            }
        }

        /** Idle and stolen shares of all cores between two readings, in percent. */
        String since(Machine before) {
            if (busy < 0 || before.busy < 0) {
                return "machine n/a";
            }
            double total = (busy - before.busy) + (idle - before.idle) + (steal - before.steal);
            return total <= 0 ? "machine n/a" : String.format("machine idle %.0f%%, steal %.0f%%",
                    100 * (idle - before.idle) / total, 100 * (steal - before.steal) / total);
        }
    }

    /** Microseconds of CPU per operation by thread group, largest first, groups under 1 us left out. */
    static String perOp(Map<String, Long> before, Map<String, Long> after, int ops) {
        Map<String, Double> per = new TreeMap<>();
        after.forEach((name, ns) -> per.put(name, (ns - before.getOrDefault(name, 0L)) / 1e3 / ops));
        Map<String, String> shown = new LinkedHashMap<>();
        per.entrySet().stream().filter(e -> e.getValue() >= 1.0).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> shown.put(e.getKey(), String.format("%.1f us", e.getValue())));
        return shown.toString();
    }
}
