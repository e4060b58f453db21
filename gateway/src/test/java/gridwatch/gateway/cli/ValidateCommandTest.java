package gridwatch.gateway.cli;

import gridwatch.gateway.support.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gridwatch validate} in its own JVM, started in a working directory that is not the
 * config's, with the config named by a relative path as an operator would type it: files the
 * config names are looked up next to the config, and a missing or unusable one is an error with
 * the file, line, column and field.
 */
@Tag("servers")
class ValidateCommandTest {

    private static final String BOX = """
            gateway: {id: test-box}
            site: {timeZone: Asia/Shanghai, location: {lat: 31.17, lon: 121.43}}
            uplink:
              broker: "ssl://127.0.0.1:8883"
              username: test-box
              password: {file: secrets/mqtt.password}
              tls:
                caFile: tls/ca.pem
                certFile: tls/client.pem
                keyFile: tls/client.key
            outbox: {directory: var/outbox}
            timeseries:
              influxdb: {url: "http://127.0.0.1:8086", database: gw, username: gw, password: {file: /nonexistent/influx.password}}
            zones:
              - id: cell-1
                gridCell: {code: "310104007012", name: 漕河泾街道 第12网格}
            devices:
              - id: noise-1
                profile: decibel-meter-rs485
                zone: cell-1
                connection: {type: replay, file: traces/noise.csv}
            categories:
              noise.construction: {code: "03-01", nameZh: 施工扰民, scheme: CJT214}
            """;

    @TempDir
    Path dir;
    private Path box;
    private Path elsewhere;

    @BeforeEach
    void layout() throws IOException {
        box = Files.createDirectories(dir.resolve("site-box"));
        elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(box.resolve("box.yaml"), BOX);
    }

    private record Run(int exit, String out, List<String> err) {
    }

    private Run validate() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow"); // as ./gridwatch does: Netty's warning is not ours to print
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), GridwatchCli.class.getName(), "validate", "../site-box/box.yaml"));
        Process p = new ProcessBuilder(cmd)
                .directory(elsewhere.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("validate finished").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readAllLines(dir.resolve("err.txt")));
    }

    @Test
    void filesNamedRelativeToTheConfigAreFoundFromAnotherWorkingDirectory() throws Exception {
        TestPki.create(box.resolve("tls"));
        Files.createDirectories(box.resolve("secrets"));
        Files.writeString(box.resolve("secrets/mqtt.password"), "s3cret\n");
        Files.createDirectories(box.resolve("traces"));
        Files.writeString(box.resolve("traces/noise.csv"), "offsetSeconds,resource,value\n");
        Files.writeString(box.resolve("box.yaml"), BOX.replace("/nonexistent/influx.password", "secrets/mqtt.password"));

        Run run = validate();

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("../site-box/box.yaml: valid");
        assertThat(run.exit()).isZero();
        assertThat(elsewhere).as("validate creates nothing").isEmptyDirectory();
        assertThat(box.resolve("var")).as("the outbox is made at run time, not required to exist").doesNotExist();
    }

    @Test
    void missingAndUnusableFilesAreNamedWithLineColumnAndField() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        Path tls = Files.createDirectories(box.resolve("tls"));
        Files.copy(pki.clientCert(), tls.resolve("client.pem"));
        Files.writeString(tls.resolve("client.key"), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        Files.createDirectories(box.resolve("secrets/mqtt.password"));

        Run run = validate();

        String f = "../site-box/box.yaml";
        String abs = box.toString();
        String hint = " (relative paths are relative to the config file)";
        assertThat(run.err()).containsExactly(
                f + ":6:14: uplink.password.file: is a directory, not a file: " + abs + "/secrets/mqtt.password",
                f + ":8:5: uplink.tls.caFile: file not found: " + abs + "/tls/ca.pem" + hint,
                f + ":13:83: timeseries.influxdb.password.file: file not found: /nonexistent/influx.password",
                f + ":21:32: devices[0].connection.file: file not found: " + abs + "/traces/noise.csv" + hint,
                f + ":10:5: uplink.tls.keyFile: not a PEM private key (PKCS#8, unencrypted): " + abs + "/tls/client.key",
                f + ": 5 error(s)");
        assertThat(run.exit()).isEqualTo(2);
    }
}
