package gridwatch.gateway.support;

import gridwatch.gateway.net.LoopbackPorts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real mosquitto broker (Debian package) on a free loopback port, with persistence on so a
 * restart keeps persistent sessions and their queued messages, as a production broker does.
 * {@code user root} keeps it as the invoking user (ignored when not root), so it can write
 * persistence into the test's temp dir instead of dropping to the mosquitto user. Fails loudly when mosquitto is missing: CI installs it, and no test is skipped for its lack.
 */
public final class Mosquitto implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    public Mosquitto(Path dir) throws IOException {
        this(dir, "");
    }

    /** @param extraConfig further mosquitto.conf lines (e.g. an {@code acl_file}) */
    public Mosquitto(Path dir, String extraConfig) throws IOException {
        this.dir = dir;
        this.port = LoopbackPorts.free();
        Files.writeString(dir.resolve("mosquitto.conf"), """
                user root
                listener %d 127.0.0.1
                allow_anonymous true
                persistence true
                persistence_location %s/
                autosave_interval 1
                max_queued_messages 100000
                max_inflight_messages 100
                log_dest file %s/mosquitto.log
                %s
                """.formatted(port, dir, dir, extraConfig));
        start();
    }

    public static String binary() {
        for (String p : new String[] {"/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"}) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        throw new IllegalStateException("mosquitto not installed: run scripts/test (it installs it) or apt-get install mosquitto");
    }

    public void start() throws IOException {
        process = new ProcessBuilder(binary(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not start on port " + port + "; see " + dir);
    }

    /** SIGTERM, as an operator or systemd would stop it: it saves persistent sessions first. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGKILL, as a crash or an OOM kill: nothing saved beyond the last autosave. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The broker's own log (connects, disconnects and why). */
    public String log() throws IOException {
        Path log = dir.resolve("mosquitto.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }


    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
