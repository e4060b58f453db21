package gridwatch.gateway.support;

import gridwatch.gateway.net.LoopbackPorts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real RTSP camera on loopback: Debian's rtsp-server-perl, fed by Debian's ffmpeg, which
 * loops a recording as H.264 (GOP of 1 s) at its own frame rate. Clients read
 * {@link #url()} over UDP (the only transport that server offers). Stopping kills both
 * processes, as a camera losing power would; starting again uses the same ports.
 */
public final class RtspCamera implements AutoCloseable {

    private final Path video;
    private final int clientPort = LoopbackPorts.free();
    private final int sourcePort = LoopbackPorts.free();
    private final int rtpStart = 20_000 + (int) (Math.random() * 20_000) / 2 * 2;
    private Process server;
    private Process feeder;

    public RtspCamera(Path video) {
        this.video = video;
    }

    public String url() {
        return "rtsp://127.0.0.1:" + clientPort + "/cam";
    }

    public RtspCamera start() throws IOException, InterruptedException {
        require("rtsp-server-perl");
        require("ffmpeg");
        server = new ProcessBuilder("rtsp-server-perl", "--clientport", Integer.toString(clientPort), "--serverport",
                Integer.toString(sourcePort), "--rtp_start_port", Integer.toString(rtpStart),
                "--client_listen_address", "127.0.0.1", "--source_listen_address", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        waitForPort(sourcePort, Duration.ofSeconds(10));
        feeder = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", video.toString(),
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "10", "-an",
                "-f", "rtsp", "rtsp://127.0.0.1:" + sourcePort + "/cam")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return this;
    }

    public void stop() throws InterruptedException {
        for (Process p : List.of(feeder, server)) {
            if (p != null) {
                p.destroyForcibly();
                p.waitFor();
            }
        }
        feeder = null;
        server = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static void require(String program) {
        boolean found = List.of(System.getenv("PATH").split(":")).stream().anyMatch(d -> Path.of(d, program).toFile().canExecute());
        if (!found) {
            throw new IllegalStateException(program + " not installed: run scripts/test (it installs it) or apt-get install "
                    + (program.equals("ffmpeg") ? "ffmpeg" : "rtsp-server-perl"));
        }
    }

    private static void waitForPort(int port, Duration within) throws InterruptedException, IOException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("rtsp-server-perl did not open port " + port);
    }
}
