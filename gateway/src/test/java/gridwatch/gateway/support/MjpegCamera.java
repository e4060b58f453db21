package gridwatch.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * An IP camera's HTTP side on loopback, as cheap cameras expose it: {@code /video.mjpg} streams
 * real JPEG frames as multipart/x-mixed-replace at {@code fps}, {@code /snapshot.jpg} returns the
 * current frame. It can be stopped and started again on the same port.
 */
public final class MjpegCamera implements AutoCloseable {

    private final int port;
    private final List<byte[]> frames = new ArrayList<>();
    private final int fps;
    private HttpServer server;
    private volatile boolean running;

    public MjpegCamera(int port, int fps, List<Path> jpegs) throws IOException {
        this.port = port;
        this.fps = fps;
        for (Path p : jpegs) {
            frames.add(Files.readAllBytes(p));
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public MjpegCamera start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/video.mjpg", this::stream);
        server.createContext("/snapshot.jpg", ex -> {
            byte[] f = frames.get((int) ((System.currentTimeMillis() / 1000) % frames.size()));
            ex.getResponseHeaders().add("Content-Type", "image/jpeg");
            ex.sendResponseHeaders(200, f.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(f);
            }
        });
        running = true;
        server.start();
        return this;
    }

    private void stream(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "multipart/x-mixed-replace;boundary=gridwatchframe");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream o = ex.getResponseBody()) {
            for (int i = 0; running; i++) {
                byte[] f = frames.get(i % frames.size());
                o.write(("--gridwatchframe\r\nContent-Type: image/jpeg\r\nContent-Length: " + f.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                o.write(f);
                o.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                o.flush();
                Thread.sleep(1000 / fps);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the camera is being stopped
        }
    }

    public void stop() {
        running = false;
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
