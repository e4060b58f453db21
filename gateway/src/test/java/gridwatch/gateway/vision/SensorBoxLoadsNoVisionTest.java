package gridwatch.gateway.vision;

import gridwatch.gateway.cli.GridwatchCli;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.SharedData;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A box without a camera never loads the vision stack: {@code gridwatch run --config FILE} in a JVM
 * of its own (the launcher's entry point, so picocli's eager look at every subcommand counts too,
 * and no other test's classes do), its class-load log and its memory map read once the gateway
 * runs. The camera box beside it shows that the same check sees the stack when it is there.
 */
@Tag("servers")
@Tag("models")
class SensorBoxLoadsNoVisionTest {

    /**
     * Our vision code, and the libraries under it: JavaCPP (OpenCV, FFmpeg), DJL, ONNX Runtime. Not
     * the camera connector: every box registers it (a check and an attach that name no vision type).
     */
    private static final Pattern VISION_CLASS = Pattern.compile(
            " (gridwatch\\.gateway\\.vision\\.(?!CameraConnector[ $])|gridwatch\\.detectors\\.vision\\.|gridwatch\\.gateway\\.ingest\\.video\\."
                    + "|org\\.bytedeco\\.|ai\\.djl\\.|ai\\.onnxruntime\\.)");
    private static final Pattern VISION_LIB = Pattern.compile("javacpp|opencv|onnxruntime|openblas|libjniav|libav(codec|format|util)");

    @TempDir
    Path dir;

    @Test
    void aSensorOnlyGatewayLoadsNoVisionClassAndMapsNoVisionLibrary() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")))) {
            Path config = TestConfigs.thresholdBox(Files.createDirectories(dir.resolve("sensor")), broker.url(), 70, "outbox");
            Running box = running(config, "sensor");
            try {
                assertThat(box.classes().stream().filter(l -> l.contains(" gridwatch.gateway.runtime.Gateway ")))
                        .as("the log saw the gateway start").hasSize(1);
                assertThat(box.classes().stream().filter(l -> VISION_CLASS.matcher(l).find()))
                        .as("vision classes loaded by a box without a camera").isEmpty();
                assertThat(box.libraries().stream().filter(l -> VISION_LIB.matcher(l).find()))
                        .as("vision natives mapped by a box without a camera").isEmpty();
            } finally {
                box.stop();
            }
        }
    }

    @Test
    void aCameraGatewayLoadsTheVisionStackWhichTheSameCheckSees() throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")))) {
            Path config = Files.createDirectories(dir.resolve("camera")).resolve("camera.yaml");
            Files.writeString(config, """
                    gateway: {id: test-box}
                    uplink: {broker: "%s"}
                    outbox: {directory: outbox}
                    http: {port: 0}
                    zones: [{id: campus-1, gridCell: {code: "310104013007", name: 校园 第7网格}}]
                    vision:
                      model: {path: "%s", sha256: "%s"}
                    devices:
                      - id: cam-campus
                        profile: ip-camera
                        zone: campus-1
                        connection: {type: video, url: "%s", analysisFps: 2, loop: true}
                        vision:
                          zones: [{id: path, polygon: [[0, 0.15], [1, 0.15], [1, 1], [0, 1]]}]
                          crowd: [{id: path-crowd, zone: path, minPeople: 6, minSeconds: 10, clearSeconds: 10}]
                    categories:
                      crowd.gathering: {code: "04-09", nameZh: 人群聚集, scheme: CJT214}
                    """.formatted(broker.url(), SharedData.path("models/yolox_nano.onnx"), SharedData.YOLOX_NANO_SHA256,
                    SharedData.path("testdata/video/vtest.avi")));
            Running box = running(config, "camera");
            try {
                assertThat(box.classes()).anyMatch(l -> l.contains(" gridwatch.gateway.vision.VisionFactory "))
                        .anyMatch(l -> l.contains(" org.bytedeco.opencv.")).anyMatch(l -> l.contains(" ai.onnxruntime."));
                assertThat(box.libraries()).anyMatch(l -> l.contains("libonnxruntime")).anyMatch(l -> l.contains("opencv_core"));
            } finally {
                box.stop();
            }
        }
    }

    /** A started gateway in its own JVM: its class-load log and the files its memory maps, read once it logged that it runs. */
    private record Running(Process process, List<String> classes, List<String> libraries) {

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Running running(Path config, String name) throws Exception {
        Path classLog = dir.resolve(name + "-classes.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-Dai.djl.offline=true",
                "-DGRIDWATCH_LOG_LEVEL=INFO", "-Xlog:class+load=info:file=" + classLog, "-cp", System.getProperty("java.class.path"),
                GridwatchCli.class.getName(), "run", "--config", config.toString()).redirectErrorStream(true);
        // As the launcher does: ONNX Runtime 1.29's telemetry parses /proc/self/cmdline at start and
        // overflows the stack (SIGSEGV, no message) on a command line as long as this class path.
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
        Process p = pb.start();
        AtomicBoolean ready = new AtomicBoolean();
        Path out = dir.resolve(name + ".log");
        // Reads the child's output on a virtual thread of its own until the child exits; only the "running" line matters.
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    ready.compareAndSet(false, line.contains("gateway test-box running"));
                    Files.writeString(out, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
            } catch (IOException exited) {
                // the child is gone; the assertions below say whether it got far enough
            }
        });
        try {
            await().atMost(90, TimeUnit.SECONDS).until(() -> ready.get() || !p.isAlive());
            if (!ready.get()) {
                Thread.sleep(500); // let the reader write the child's last lines
                throw new AssertionError("the gateway did not start (exit " + p.exitValue() + "): "
                        + (Files.exists(out) ? Files.readString(out) : "no output"));
            }
            List<String> maps = Files.readAllLines(Path.of("/proc/" + p.pid() + "/maps"));
            return new Running(p, Files.readAllLines(classLog), maps.stream().filter(l -> l.contains("/")).toList());
        } catch (RuntimeException | Error e) {
            p.destroyForcibly();
            throw e;
        }
    }
}
