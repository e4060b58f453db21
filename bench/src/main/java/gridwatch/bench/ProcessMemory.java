package gridwatch.bench;

import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What this JVM holds, as the kernel and HotSpot see it: RSS and threads from /proc/self/status,
 * native libraries from /proc/self/maps, loaded classes and Native Memory Tracking through the
 * DiagnosticCommand MBean (the same commands as jcmd, without a second process). Linux only.
 */
final class ProcessMemory {

    /** Packages of the camera stack: OpenCV/FFmpeg (JavaCPP), DJL, ONNX Runtime. */
    static final Pattern VISION_CLASS = Pattern.compile("\\b(org\\.bytedeco|ai\\.djl|ai\\.onnxruntime)\\.");
    /** Their native libraries, as JavaCPP, DJL and ORT extract and map them. */
    static final Pattern VISION_LIB = Pattern.compile("javacpp|opencv|onnxruntime|openblas|av(codec|format|util|device|filter)|sw(scale|resample)");

    private ProcessMemory() {
    }

    /** A field of /proc/self/status in bytes (kB fields) or as a count. */
    static long status(String field) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith(field + ":")) {
                long v = Long.parseLong(l.replaceAll("\\D", ""));
                return l.endsWith("kB") ? v * 1024 : v;
            }
        }
        return -1;
    }

    /** File names of the shared libraries mapped into this process, except the JDK's own. */
    static List<String> nativeLibraries() throws IOException {
        String jdk = Path.of(System.getProperty("java.home")).toRealPath().toString();
        TreeSet<String> libs = new TreeSet<>();
        for (String l : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = l.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String path = l.substring(slash).replace(" (deleted)", "");
            if (path.contains(".so") && !path.startsWith(jdk) && !path.startsWith("/usr/lib") && !path.startsWith("/lib")) {
                libs.add(Path.of(path).getFileName().toString());
            }
        }
        return List.copyOf(libs);
    }

    /** Loaded classes of the camera stack, by name (VM.class_hierarchy lists every loaded class). */
    static List<String> visionClasses() throws Exception {
        return dcmd("vmClassHierarchy").lines().filter(l -> VISION_CLASS.matcher(l).find())
                .map(l -> l.replaceAll("^[|\\- ]*", "").replaceAll("/.*$", "")).toList();
    }

    /** jcmd VM.native_memory summary, or empty when the JVM runs without -XX:NativeMemoryTracking. */
    static String nativeMemorySummary() throws Exception {
        boolean on = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking=") && !a.endsWith("=off"));
        return on ? dcmd("vmNativeMemory", "summary") : "";
    }

    /** Live threads, counted by name with digits folded ("nioEventLoopGroup-2-1" → "nioEventLoopGroup-#-#"). */
    static Map<String, Long> threadsByName() {
        return Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(t -> t.getName().replaceAll("\\d+", "#"), TreeMap::new, Collectors.counting()));
    }

    private static String dcmd(String op, String... args) throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                op, new Object[] {args}, new String[] {String[].class.getName()});
    }
}
