package gridwatch.gateway.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority made with the real {@code openssl} (Debian's
 * ca-certificates depends on it): a CA, a server certificate for 127.0.0.1 and a client
 * certificate, all PEM, keys as PKCS#8 as the uplink's schema asks. EC P-256 keeps it fast.
 */
public final class TestPki {

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** Writes ca.pem, server.pem/server.key and client.pem/client.key into {@code dir}. */
    public static TestPki create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        TestPki pki = new TestPki(dir);
        pki.openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ca.key");
        pki.openssl("req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=gridwatch-test-ca", "-days", "2", "-out", "ca.pem");
        pki.issue("server", "127.0.0.1", "subjectAltName=IP:127.0.0.1\n");
        pki.issue("client", "test-box", "extendedKeyUsage=clientAuth\n");
        return pki;
    }

    private void issue(String name, String cn, String extensions) throws IOException, InterruptedException {
        Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", name + ".key");
        openssl("req", "-new", "-key", name + ".key", "-subj", "/CN=" + cn, "-out", name + ".csr");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
                "-extfile", name + ".ext", "-out", name + ".pem");
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + Files.readString(dir.resolve("openssl.log")));
        }
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    public Path serverCert() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    public Path clientCert() {
        return dir.resolve("client.pem");
    }

    public Path clientKey() {
        return dir.resolve("client.key");
    }
}
