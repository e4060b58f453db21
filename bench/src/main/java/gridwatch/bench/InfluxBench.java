package gridwatch.bench;

import gridwatch.config.model.InfluxConfig;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.timeseries.InfluxWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Points/s into a local influxd through the gateway's writer (batches of 5,000, line protocol,
 * 1.x write API): readings are offered as fast as the writer's queue takes them and the clock
 * stops when influxd has acknowledged the last batch. Args: influxUrl points rounds.
 */
public final class InfluxBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        for (int round = 0; round <= rounds; round++) {
            Path spool = Files.createTempDirectory("bench-spool");
            InfluxConfig cfg = new InfluxConfig(url, "bench", null, true, null, null, null, 5000, 200, spool, null);
            InfluxWriter w = new InfluxWriter(cfg, spool);
            w.start();
            Instant t0 = Instant.parse("2026-11-20T00:00:00Z").plusSeconds(round * 10_000_000L);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                while (i - w.written() > 150_000) {
                    Thread.sleep(1); // stay inside the writer's 200k queue so nothing is dropped
                }
                w.accept(new Reading("meter-" + (i % 50), "LA", 40 + (i % 400) / 10.0, "dB(A)", t0.plusMillis(i * 20L), Quality.GOOD));
            }
            while (w.written() < n) {
                Thread.sleep(5);
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            w.close();
            if (round > 0) { // round 0 warms up the JIT and influxd
                System.out.printf("influx round %d: %,.0f points/s (%d points, batch 5000, dropped %d)%n", round, rate, n, w.dropped());
            }
        }
        System.exit(0);
    }
}
