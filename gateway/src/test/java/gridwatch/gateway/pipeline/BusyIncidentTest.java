package gridwatch.gateway.pipeline;

import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One incident as busy as it gets: every reading crosses the limit (START, END, START …) faster than the disk
 * commits, with room to spare in the outbox. None of those alerts can be refused, so none may wait on another
 * (that would cap the incident at one alert per commit and drop findings): every reading is one stored alert.
 */
@Tag("servers")
class BusyIncidentTest {

    @TempDir
    Path dir;

    @Test
    void everyCrossingOfABusyIncidentIsStoredWhenTheOutboxHasRoom() throws Exception {
        Files.writeString(dir.resolve("empty.csv"), "offsetSeconds,resource,value\n");
        Path file = dir.resolve("box.yaml");
        Files.writeString(file, """
                gateway: {id: busy-box}
                uplink: {broker: "tcp://127.0.0.1:1"}
                outbox: {directory: outbox, maxBytes: 268435456, fsync: true}
                http: {port: 0}
                zones: [{id: cell-1, gridCell: {code: "310104007012"}}]
                devices:
                  - {id: noise-1, profile: decibel-meter-rs485, zone: cell-1, connection: {type: replay, file: empty.csv}}
                categories:
                  noise.construction: {code: "03-01", nameZh: 施工扰民}
                rules:
                  - {id: loud, type: threshold, alertType: noise.construction, devices: [noise-1], resource: Leq, above: 70}
                alerts: {updateIntervalSeconds: 0, cooldownSeconds: 0}
                """);
        int n = 20_000;
        try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> { })) {
            Instant t = Instant.parse("2026-11-20T14:00:00Z");
            for (int batch = 0; batch < n / 1000; batch++) {
                List<Reading> readings = new ArrayList<>(1000);
                for (int i = 0; i < 1000; i++) {
                    int k = batch * 1000 + i;
                    readings.add(new Reading("noise-1", "Leq", k % 2 == 0 ? 75 : 60, "dB(A)", t.plusMillis(k), Quality.GOOD));
                }
                g.pipeline().acceptAll(readings);
            }
            await().atMost(120, TimeUnit.SECONDS).until(() -> g.outbox().stats().appended() == n || !noFindingDropped(g));
            assertThat(g.metrics().scrape()).contains("gridwatch_findings_dropped_total 0.0")
                    .contains("gridwatch_readings_dropped_total 0.0");
            assertThat(g.outbox().stats().appended()).isEqualTo(n);
            assertThat(g.outbox().stats().dropped()).isZero();
        }
    }

    private static boolean noFindingDropped(Gateway g) {
        return g.metrics().scrape().contains("gridwatch_findings_dropped_total 0.0");
    }
}
