package gridwatch.gateway.uplink.embedded;

import com.hivemq.embedded.EmbeddedHiveMQ;
import gridwatch.gateway.net.LoopbackPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * A local MQTT 5 broker for the demo and benchmarks when no broker is configured: HiveMQ
 * Community Edition, embedded. Chosen because it speaks MQTT 5 (the uplink's protocol; Moquette
 * speaks 3.1.1 only) and runs in-process from Maven Central. Listens on loopback only, with
 * usage statistics and update checks off so it never calls out.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedHiveMQ hivemq;
    private final int port;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    /** Starts on {@code preferredPort} if it is free, else on any free loopback port. */
    public static EmbeddedBroker start(Path workDir, int preferredPort) {
        int port = LoopbackPorts.isFree(preferredPort) ? preferredPort : LoopbackPorts.free();
        try {
            Path conf = Files.createDirectories(workDir.resolve("conf"));
            Path data = Files.createDirectories(workDir.resolve("data"));
            Path ext = Files.createDirectories(workDir.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                      </listeners>
                      <persistence><mode>in-memory</mode></persistence>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                      <general><update-check-enabled>false</update-check-enabled></general>
                    </hivemq>
                    """.formatted(port));
            EmbeddedHiveMQ h = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(ext)
                    .withoutLoggingBootstrap()
                    .build();
            h.start().get();
            LOG.info("embedded MQTT 5 broker (HiveMQ CE) listening on 127.0.0.1:{}", port);
            return new EmbeddedBroker(h, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the embedded broker", e);
        } catch (ExecutionException e) {
            Throwable cause = Objects.requireNonNullElse(e.getCause(), e);
            throw new IllegalStateException("embedded broker failed to start: " + cause.getMessage(), cause);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }



    @Override
    public void close() {
        try {
            hivemq.stop().get();
            hivemq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("embedded broker stop: {}", Objects.requireNonNullElse(e.getCause(), e).getMessage());
        }
    }
}
