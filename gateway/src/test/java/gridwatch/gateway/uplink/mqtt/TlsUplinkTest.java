package gridwatch.gateway.uplink.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.AlertCollector;
import gridwatch.gateway.support.TestPki;
import gridwatch.gateway.support.TlsMosquitto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The uplink over TLS with a client certificate and a password from a file, to a real mosquitto
 * that demands both, with every path in the box's file relative to that file. The test JVM's
 * working directory is the module directory, never the config's, so a path resolved against the
 * working directory cannot be found.
 */
@Tag("servers")
class TlsUplinkTest {

    @TempDir
    Path dir;
    private TlsMosquitto broker;
    private AlertCollector center;
    private Path box;

    @BeforeEach
    void start() throws Exception {
        box = Files.createDirectories(dir.resolve("site-box"));
        TestPki pki = TestPki.create(box.resolve("tls"));
        Files.createDirectories(box.resolve("secrets"));
        Files.writeString(box.resolve("secrets/mqtt.password"), "s3cret-Passw0rd\n");
        broker = new TlsMosquitto(Files.createDirectories(dir.resolve("broker")), pki, "test-box", "s3cret-Passw0rd");
        center = new AlertCollector(broker.plainUrl(), "gridwatch/v1/test-box/#");
    }

    @AfterEach
    void stop() throws Exception {
        center.close();
        broker.close();
    }

    @Test
    void relativeCertificateKeyAndPasswordFilesAreFoundNextToTheConfigFile() throws Exception {
        assertThat(Path.of("").toAbsolutePath()).as("the test runs from elsewhere").isNotEqualTo(box);
        Files.writeString(box.resolve("empty.csv"), "offsetSeconds,resource,value\n");
        Path file = box.resolve("box.yaml");
        Files.writeString(file, """
                gateway: {id: test-box}
                site: {timeZone: Asia/Shanghai, location: {lat: 31.17, lon: 121.43}}
                uplink:
                  broker: "%s"
                  username: test-box
                  password: {file: secrets/mqtt.password}
                  tls: {caFile: tls/ca.pem, certFile: tls/client.pem, keyFile: tls/client.key}
                http: {port: 0}
                zones:
                  - id: cell-1
                    gridCell: {code: "310104007012", name: 漕河泾街道 第12网格}
                devices:
                  - id: noise-1
                    profile: decibel-meter-rs485
                    zone: cell-1
                    connection: {type: replay, file: empty.csv}
                categories:
                  noise.construction: {code: "03-01", nameZh: 施工扰民, scheme: CJT214}
                rules:
                  - {id: loud, type: threshold, alertType: noise.construction, devices: [noise-1], resource: Leq, above: 70, severity: orange}
                alerts: {updateIntervalSeconds: 0, cooldownSeconds: 0}
                """.formatted(broker.tlsUrl()));
        EdgeConfig cfg = new GatewayConfigLoader().load(file);
        try (Gateway g = Gateway.start(file, cfg, a -> { })) {
            g.pipeline().accept(new Reading("noise-1", "Leq", 75.3, "dB(A)", Instant.parse("2026-11-20T14:05:00Z"), Quality.GOOD));
            await().atMost(30, TimeUnit.SECONDS).until(() -> !center.events().isEmpty());
            await().atMost(10, TimeUnit.SECONDS).until(() -> g.outbox().stats().depth() == 0);
        }
        JsonNode e = center.events().getFirst();
        assertThat(e.get("_topic").asText()).isEqualTo("gridwatch/v1/test-box/alerts/noise.construction");
        assertThat(e.at("/data/category/nameZh").asText()).isEqualTo("施工扰民");
        assertThat(broker.log()).as("the gateway came in over TLS as user test-box").contains("as test-box").contains("u'test-box'");
        assertThat(box.resolve("var/outbox")).as("the default outbox sits next to the config").isDirectory();
    }
}
