package gridwatch.gateway.support;

import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The gateway in its own JVM, so a test can SIGKILL it. {@code produce}: feeds readings that
 * alternate across the limit forever and prints {@code STORED <alertId>} once each alert is
 * durably in the outbox. {@code drain}: only delivers what the outbox holds.
 */
public final class GatewayProcessMain {

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        boolean produce = "produce".equals(args[1]);
        Gateway g = Gateway.start(config, new GatewayConfigLoader().load(config), a -> {
            System.out.println("STORED " + a.alertId());
            System.out.flush();
        });
        System.out.println("READY");
        System.out.flush();
        Instant t = Instant.parse("2026-11-20T14:00:00Z");
        for (int i = 0; produce; i++) {
            g.pipeline().accept(new Reading("noise-1", "Leq", i % 2 == 0 ? 75 : 60, "dB(A)", t, Quality.GOOD));
            t = t.plusSeconds(1);
            Thread.sleep(3);
        }
        Thread.currentThread().join();
    }
}
