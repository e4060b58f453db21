package gridwatch.gateway.support;

import gridwatch.gateway.net.LoopbackPorts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real mosquitto with two listeners: TLS that demands a client certificate signed by the test
 * CA and a user name and password (as a district center's broker does), and plain loopback TCP
 * for the test's own subscriber, so the assertion does not depend on the code under test.
 */
public final class TlsMosquitto implements AutoCloseable {

    private final Path dir;
    private final int tlsPort = LoopbackPorts.free();
    private final int plainPort = LoopbackPorts.free();
    private final Process process;

    public TlsMosquitto(Path dir, TestPki pki, String user, String password) throws IOException, InterruptedException {
        this.dir = dir;
        Path passwd = dir.resolve("passwd");
        Process hash = new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwd.toString(), user, password)
                .redirectErrorStream(true).redirectOutput(dir.resolve("passwd.log").toFile()).start();
        if (!hash.waitFor(30, TimeUnit.SECONDS) || hash.exitValue() != 0) {
            throw new IllegalStateException("mosquitto_passwd failed: " + Files.readString(dir.resolve("passwd.log")));
        }
        Files.writeString(dir.resolve("mosquitto.conf"), """
                user root
                per_listener_settings true
                persistence false
                log_dest file %s/mosquitto.log
                listener %d 127.0.0.1
                allow_anonymous true
                listener %d 127.0.0.1
                cafile %s
                certfile %s
                keyfile %s
                require_certificate true
                allow_anonymous false
                password_file %s
                """.formatted(dir, plainPort, tlsPort, pki.ca(), pki.serverCert(), pki.serverKey(), passwd));
        process = new ProcessBuilder(Mosquitto.binary(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        awaitPort(tlsPort);
        awaitPort(plainPort);
    }

    private void awaitPort(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not open port " + port + "; see " + dir);
    }

    /** The TLS listener, for the gateway. */
    public String tlsUrl() {
        return "ssl://127.0.0.1:" + tlsPort;
    }

    /** The plain loopback listener, for the test's subscriber. */
    public String plainUrl() {
        return "tcp://127.0.0.1:" + plainPort;
    }

    /** The broker's log: connections refused for a bad certificate or password show up here. */
    public String log() throws IOException {
        Path log = dir.resolve("mosquitto.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
