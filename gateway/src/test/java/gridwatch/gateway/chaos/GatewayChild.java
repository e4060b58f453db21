package gridwatch.gateway.chaos;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The gateway as the real binary runs it: {@code gridwatch run --config box.yaml} in its own JVM
 * (the CLI's main class on the gateway's runtime classpath, with the launcher's JVM flags), its
 * output appended to one log file across restarts. It can be SIGKILLed, SIGTERMed and started
 * again on the same outbox. An optional command prefix runs it inside a wrapper (a private mount
 * namespace with a small disk, see {@link SmallDisk}).
 */
public final class GatewayChild implements AutoCloseable {

    private final Path config;
    private final Path log;
    private final OpsProbe ops;
    private final List<String> prefix;
    private final List<Long> startMillis = new ArrayList<>();
    private Process process;
    private int starts;

    public GatewayChild(Path config, Path log, OpsProbe ops, List<String> prefix) {
        this.config = config;
        this.log = log;
        this.ops = ops;
        this.prefix = List.copyOf(prefix);
    }

    /** Starts the process and waits until its operations server answers (the gateway is wired and running). */
    public void start() throws IOException, InterruptedException {
        starts++;
        Files.writeString(log, "%n===== chaos: gateway start #%d at %s =====%n".formatted(starts, Instant.now()),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(javaCommand());
        cmd.addAll(List.of("gridwatch.gateway.cli.GridwatchCli", "run", "--config", config.toString()));
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long began = System.nanoTime();
        long deadline = began + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited with " + process.exitValue() + " at start; log tail:\n" + tail(40));
            }
            if (ops.health().isPresent()) {
                startMillis.add((System.nanoTime() - began) / 1_000_000);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("gateway did not answer /health within 90 s; log tail:\n" + tail(40));
    }

    /** SIGKILL: no shutdown hook, no goodbye to the broker; whatever the outbox committed is all that survives. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(15, TimeUnit.SECONDS);
    }

    /** SIGTERM: the gateway stops cleanly. Returns the exit code (SIGKILLed after 30 s if it had not ended). */
    public int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** Sends {@code signal} (e.g. {@code INT}) with kill(1); returns the exit code as {@link #terminate()} does. */
    public int signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -s " + signal + " " + process.pid() + " failed");
        }
        return awaitExit();
    }

    private int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(15, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    /** The exit code of the last process, once it has ended. */
    public OptionalInt exitCode() {
        return process == null || process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** How long each start took until /health answered, ms. */
    List<Long> startMillis() {
        return List.copyOf(startMillis);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    Path log() {
        return log;
    }

    /** The last {@code lines} lines of the gateway's log. */
    public String tail(int lines) throws IOException {
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Log lines containing any of {@code needles}, at most {@code max}, for a failure report. */
    List<String> grep(int max, String... needles) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> Arrays.stream(needles).anyMatch(l::contains)).limit(max).toList();
    }

    /**
     * The JVM and flags of {@code ./gridwatch}, and this build's runtime classpath: the gateway's
     * classes and its dependencies, without the test classes.
     */
    private static List<String> javaCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-Xss512k", "-Xmx256m", "-Dai.djl.offline=true"));
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(List.of("-cp", classpath));
        return cmd;
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            terminate();
        }
    }
}
