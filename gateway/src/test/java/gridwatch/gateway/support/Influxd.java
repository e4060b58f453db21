package gridwatch.gateway.support;

import gridwatch.gateway.net.LoopbackPorts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real InfluxDB 1.x server (Debian's {@code influxd}) on free loopback ports, its data in the
 * test's temp dir. Fails loudly when influxd is missing: CI installs it.
 */
public final class Influxd implements AutoCloseable {

    private final Path dir;
    private final int httpPort;
    private Process process;

    public Influxd(Path dir) throws Exception {
        this.dir = dir;
        this.httpPort = LoopbackPorts.free();
        int rpcPort = LoopbackPorts.free();
        Files.writeString(dir.resolve("influxdb.conf"), """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s/meta"
                [data]
                  dir = "%s/data"
                  wal-dir = "%s/wal"
                  query-log-enabled = false
                [http]
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false
                [monitor]
                  store-enabled = false
                [continuous_queries]
                  enabled = false
                """.formatted(rpcPort, dir, dir, dir, httpPort));
        start();
    }

    public void start() throws Exception {
        String bin = Files.isExecutable(Path.of("/usr/bin/influxd")) ? "/usr/bin/influxd" : "influxd";
        process = new ProcessBuilder(bin, "-config", dir.resolve("influxdb.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("influxd.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(url() + "/ping")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 204) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("influxd did not start; see " + dir.resolve("influxd.log"));
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }


    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
