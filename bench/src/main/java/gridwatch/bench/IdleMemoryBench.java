package gridwatch.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Idle memory of a sensor-only box and of a camera box, each in a JVM of its own started with
 * this JVM's flags (bench/run.sh gives it the launcher's, from {@code ./gridwatch jvm-flags}), so
 * one box's classes, natives and heap never count in the other's figures. See {@link IdleBox}.
 *
 * <p>Args: {@code BROKER IDLE_SECONDS [MODEL SHA256 VIDEO]}; without a model only the sensor box runs.
 */
public final class IdleMemoryBench {

    public static void main(String[] args) throws Exception {
        String broker = args[0];
        String idle = args[1];
        int failed = box(List.of("sensor", broker, idle));
        if (args.length >= 5) {
            failed += box(List.of("camera", broker, idle, args[2], args[3], args[4]));
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Runs one box to completion, its output interleaved with ours; returns its exit code. */
    private static int box(List<String> boxArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add(IdleBox.class.getName());
        cmd.addAll(boxArgs);
        System.out.printf("idle %s box: %s%n", boxArgs.getFirst(), ManagementFactory.getRuntimeMXBean().getInputArguments());
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        // The class path in the environment, not on the command line: a box starts with a short one
        // (java -jar), and ONNX Runtime 1.29's telemetry, when on, crashes on a long /proc/self/cmdline.
        pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        return pb.start().waitFor();
    }
}
