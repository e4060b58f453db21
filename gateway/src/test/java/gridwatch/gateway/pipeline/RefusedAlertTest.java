package gridwatch.gateway.pipeline;

import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.Lifecycle;
import gridwatch.gateway.alert.outbox.OutboxEntry;
import gridwatch.gateway.alert.outbox.OutboxStats;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An incident moves only when its alert is on disk (issue 8, defect 2). The real outbox, at its smallest bound and
 * with a dead broker, fills with red siren alerts; a yellow START is then refused (nothing less severe to evict).
 * The test frees the outbox as the broker's acknowledgements would, and the incident must then open with a START,
 * never continue with an UPDATE of a case the center never saw.
 */
@Tag("servers")
class RefusedAlertTest {

    @TempDir
    Path dir;
    private final Queue<Alert> stored = new ConcurrentLinkedQueue<>();
    private Instant t = Instant.parse("2026-11-20T14:00:00Z");

    private Gateway start() throws Exception {
        Files.writeString(dir.resolve("empty.csv"), "offsetSeconds,resource,value\n");
        Path file = dir.resolve("box.yaml");
        // noise-1's long name makes each of its alerts larger than any siren alert, so the space a refused
        // siren alert left is too small for it.
        Files.writeString(file, """
                gateway: {id: full-box}
                uplink: {broker: "tcp://127.0.0.1:1"}
                outbox: {directory: outbox, maxBytes: 65536}
                http: {port: 0}
                zones: [{id: cell-1, gridCell: {code: "310104007012"}}]
                devices:
                  - {id: noise-1, name: "%s", profile: decibel-meter-rs485, zone: cell-1,
                     connection: {type: replay, file: empty.csv}}
                  - {id: noise-2, profile: decibel-meter-rs485, zone: cell-1, connection: {type: replay, file: empty.csv}}
                categories:
                  noise.construction: {code: "03-01", nameZh: 施工扰民}
                  noise.siren: {code: "03-09", nameZh: 警报噪声}
                rules:
                  - {id: loud, type: threshold, alertType: noise.construction, devices: [noise-1], resource: Leq,
                     above: 70, severity: yellow}
                  - {id: siren, type: threshold, alertType: noise.siren, devices: [noise-2], resource: Leq,
                     above: 90, severity: red}
                alerts: {updateIntervalSeconds: 0, cooldownSeconds: 0}
                """.formatted("工地东门噪声监测点 ".repeat(20).strip()));
        return Gateway.start(file, new GatewayConfigLoader().load(file), stored::add);
    }

    private void leq(Gateway g, String device, double v) {
        g.pipeline().accept(new Reading(device, "Leq", v, "dB(A)", t, Quality.GOOD));
        t = t.plusSeconds(1);
    }

    /** Alerts the outbox has decided on: stored or refused. */
    private static long decided(Gateway g) {
        OutboxStats s = g.outbox().stats();
        return s.appended() + s.dropped();
    }

    private void leqAndWait(Gateway g, String device, double v) {
        long before = decided(g);
        leq(g, device, v);
        await().atMost(10, TimeUnit.SECONDS).until(() -> decided(g) > before);
    }

    @Test
    void aStartTheOutboxRefusedLeavesTheIncidentUnopenedAndTheNextFindingStartsIt() throws Exception {
        try (Gateway g = start()) {
            for (int i = 0; i < 12; i++) { // full evidence series on both meters: alerts of their final size
                leq(g, "noise-1", 60);
                leq(g, "noise-2", 60);
            }
            while (g.outbox().stats().dropped() == 0) {
                leqAndWait(g, "noise-2", 95);
                if (g.outbox().stats().dropped() > 0) {
                    break;
                }
                leqAndWait(g, "noise-2", 60);
            }
            long refusedBefore = g.outbox().stats().dropped();

            leqAndWait(g, "noise-1", 75);
            assertThat(g.outbox().stats().dropped()).as("the yellow START is refused: the outbox is full of red alerts")
                    .isEqualTo(refusedBefore + 1);
            assertThat(stored).noneMatch(a -> a.ruleId().equals("loud"));

            // The broker takes everything (the test acknowledges as its PUBACKs would): room again.
            for (OutboxEntry e : g.outbox().readAfter(0, 10_000)) {
                g.outbox().acknowledge(e.seq());
            }
            await().atMost(10, TimeUnit.SECONDS).until(() -> g.outbox().stats().depth() == 0);

            leq(g, "noise-1", 76); // still over the limit
            leq(g, "noise-1", 60); // and back under
            await().atMost(10, TimeUnit.SECONDS).until(() -> loud().size() >= 2);
            Thread.sleep(300);
            List<Alert> loud = loud();
            assertThat(loud).extracting(Alert::lifecycle).containsExactly(Lifecycle.START, Lifecycle.END);
            assertThat(loud).extracting(Alert::revision).containsExactly(0, 1);
            assertThat(loud.get(1).incidentId()).isEqualTo(loud.get(0).incidentId());
            assertThat(loud.get(0).measurements().getFirst().value()).isEqualTo(76);
        }
    }

    private List<Alert> loud() {
        return stored.stream().filter(a -> a.ruleId().equals("loud")).toList();
    }
}
