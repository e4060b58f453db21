package gridwatch.gateway.uplink.mqtt;

import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;
import gridwatch.config.EdgeConfigLoader;
import gridwatch.gateway.support.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The uplink's PEM files, read at load time by the reader the uplink connects with (real openssl output). */
class TlsCheckTest {

    @TempDir
    Path box;
    private TestPki pki;
    private final EdgeConfigLoader loader = new EdgeConfigLoader(List.of(new TlsCheck()));

    @BeforeEach
    void pki() throws Exception {
        pki = TestPki.create(box.resolve("tls"));
    }

    private List<String> errors(String tls) throws Exception {
        Path file = box.resolve("box.yaml");
        Files.writeString(file, """
                gateway: {id: test-box}
                uplink:
                  broker: "ssl://127.0.0.1:8883"
                  tls: %s
                devices: []
                categories: {}
                """.formatted(tls));
        try {
            loader.load(file);
            return List.of();
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::format).toList();
        }
    }

    @Test
    void certificatesAndAKeyMadeByOpensslAreAccepted() throws Exception {
        assertThat(errors("{caFile: tls/ca.pem, certFile: tls/client.pem, keyFile: tls/client.key}")).isEmpty();
        assertThat(errors("{caFile: tls/ca.pem}")).as("server authentication only").isEmpty();
    }

    @Test
    void aCaFileThatHoldsNoCertificateIsNamed() throws Exception {
        Files.writeString(box.resolve("tls/ca.pem"), "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
        assertThat(errors("{caFile: tls/ca.pem, certFile: tls/client.pem, keyFile: tls/client.key}")).containsExactly(
                box.resolve("box.yaml") + ":4:9: uplink.tls.caFile: not a PEM certificate: " + pki.ca());
    }

    @Test
    void aCertificateAndKeyGivenTheWrongWayRoundAreBothNamed() throws Exception {
        assertThat(errors("{caFile: tls/ca.pem, certFile: tls/client.key, keyFile: tls/client.pem}")).containsExactly(
                box.resolve("box.yaml") + ":4:29: uplink.tls.certFile: not a PEM certificate: " + pki.clientKey(),
                box.resolve("box.yaml") + ":4:55: uplink.tls.keyFile: not a PEM private key (PKCS#8, unencrypted): " + pki.clientCert());
    }

    @Test
    void aMissingFileIsLeftToTheFileCheck() throws Exception {
        assertThat(errors("{caFile: tls/missing.pem}")).isEmpty();
    }
}
