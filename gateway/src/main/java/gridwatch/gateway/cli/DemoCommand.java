package gridwatch.gateway.cli;

import gridwatch.config.ConfigPaths;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.Hj212Connection;
import gridwatch.config.model.Hj212ServerConfig;
import gridwatch.config.model.HttpConfig;
import gridwatch.config.model.IngestConfig;
import gridwatch.config.model.ReplayConnection;
import gridwatch.gateway.ingest.hj212.Hj212Responses;
import gridwatch.gateway.net.LoopbackPorts;
import gridwatch.gateway.runtime.RunningGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code gridwatch demo}: the embedded default. Replays {@code seeds/} through the real pipeline
 * into a local MQTT 5 broker and prints how to watch it.
 */
@Command(name = "demo", description = "Run the embedded demo: replays seeds/ and publishes alerts to a local broker.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Demo config (default: edge-config/demo.yaml under GRIDWATCH_HOME or the current directory).")
    Path config;

    @Option(names = "--duration", paramLabel = "TIME", description = "Stop after this long, e.g. 90s or 2m (default: run until Ctrl-C).")
    String duration;

    @Override
    public Integer call() throws Exception {
        Path file = config != null ? config : defaultConfig();
        EdgeConfig cfg = ConfigArgument.load(file).orElse(null);
        if (cfg == null) {
            return ConfigArgument.INVALID;
        }
        // A demo must start on a busy laptop: ports already taken are swapped for free ones.
        if (!LoopbackPorts.isFree(cfg.http().port())) {
            cfg = cfg.withHttp(new HttpConfig(cfg.http().bind(), 0));
        }
        Hj212ServerConfig h = cfg.ingest().hj212();
        if (h != null && !LoopbackPorts.isFree(h.port())) {
            cfg = cfg.withIngest(new IngestConfig(new Hj212ServerConfig(h.bind(), 0, h.maxDataBytes(), h.idleSeconds(), h.acceptModbusCrc()),
                    cfg.ingest().sl651()));
        }
        String home = System.getenv("GRIDWATCH_HOME");
        DemoCamera.Found camera = DemoCamera.add(cfg, home != null ? Path.of(home) : Path.of("."));
        cfg = camera.config();
        DemoDrone drone = DemoDrone.add(cfg, home != null ? Path.of(home) : Path.of("."));
        cfg = drone.config();
        AtomicInteger stored = new AtomicInteger();
        RunningGateway running = RunningGateway.start(file, cfg, a -> stored.incrementAndGet());
        drone.start();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // On Ctrl-C the JVM halts once hooks return: wake main, then wait for it to close cleanly.
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        banner(file, cfg, running, camera.line() + drone.line());
        if (duration != null) {
            Duration d = Durations.parse(duration);
            stop.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            stop.await();
        }
        long published = running.gateway().metrics().publishedCount();
        running.close();
        drone.close();
        System.out.printf("%nDemo finished: %d alerts produced, %d published, %d still in the outbox.%n",
                stored.get(), published, running.gateway().outbox().stats().depth());
        System.out.flush();
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the JVM is already stopping.
        }
        return 0;
    }

    private static void banner(Path file, EdgeConfig cfg, RunningGateway running, String camera) {
        String topic = cfg.uplink().topicRoot() + "/" + cfg.gateway().id() + "/#";
        int port = running.embeddedBrokerPort();
        String host = port > 0 ? "127.0.0.1" : cfg.uplink().broker().replaceAll("^[a-z]+://", "").replaceAll(":\\d+$", "");
        int brokerPort = port > 0 ? port : Integer.parseInt(cfg.uplink().broker().replaceAll("^.*:", ""));
        String http = "http://" + cfg.http().bind() + ":" + running.gateway().httpPort();
        StringBuilder traces = new StringBuilder();
        cfg.devices().forEach(d -> {
            if (d.connection() instanceof ReplayConnection r) {
                traces.append(String.format("    %s <- %s (x%.0f speed)%n", d.id(), ConfigPaths.of(file).baseDir().relativize(r.file()), r.speed()));
            }
        });
        System.out.printf("""

                GridWatch Edge demo (%s) is running.
                  Replaying:
                %s%s  Broker:        %s (%s)
                  Watch alerts:  mosquitto_sub -h %s -p %d -V mqttv5 -q 1 -t '%s' -v
                  Health:        curl %s/health
                  Metrics:       curl %s/metrics
                  Recent alerts: curl %s/api/alerts
                %s  Stop:          Ctrl-C

                """, file, traces, camera, port > 0 ? "embedded HiveMQ CE, MQTT 5" : "external", "127.0.0.1:" + brokerPort,
                host, brokerPort, topic, http, http, http, handPacket(cfg, running));
    }

    /** A ready-to-paste HJ 212 packet for the first HJ 212 station in the config, stamped now, with its CRC. */
    private static String handPacket(EdgeConfig cfg, RunningGateway running) {
        var server = running.gateway().hj212();
        var station = cfg.devices().stream().filter(d -> d.connection() instanceof Hj212Connection).findFirst();
        if (server.isEmpty() || station.isEmpty()) {
            return "";
        }
        Hj212Connection c = (Hj212Connection) station.get().connection();
        String now = LocalDateTime.now(cfg.site().zoneId()).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        String frame = new String(Hj212Responses.frame("QN=" + now + "000;ST=23;CN=2011;PW=" + c.password() + ";MN=" + c.mn()
                + ";Flag=5;CP=&&DataTime=" + now + ";LA-Rtd=78.5,LA-Flag=N&&"), StandardCharsets.ISO_8859_1).strip();
        return String.format("  HJ 212:        stations connect to %s:%d; be station %s by hand (nc is in netcat-openbsd):%n"
                        + "                 printf '%s\\r\\n' | nc -q 2 127.0.0.1 %d%n",
                cfg.ingest().hj212() != null ? cfg.ingest().hj212().bind() : "0.0.0.0", server.get().port(),
                station.get().id(), frame, server.get().port());
    }

    private static Path defaultConfig() {
        String home = System.getenv("GRIDWATCH_HOME");
        Path base = home != null ? Path.of(home) : Path.of(".");
        Path p = base.resolve("edge-config/demo.yaml");
        if (!Files.exists(p)) {
            throw new IllegalStateException("no demo config at " + p.toAbsolutePath() + "; run from the project root or pass --config");
        }
        return p;
    }

}
