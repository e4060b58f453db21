package gridwatch.gateway.pipeline;

import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.Lifecycle;
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
 * Sensor health through the real gateway: a silent gauge goes offline and comes back; spikes are
 * kept out of the flood rule and, when they persist, become a device fault. The broker address is
 * deliberately dead: alerts are checked as stored in the outbox, which is where they are produced.
 */
@Tag("servers")
class SensorHealthTest {

    @TempDir
    Path dir;
    private final Queue<Alert> stored = new ConcurrentLinkedQueue<>();

    private Gateway start() throws Exception {
        Files.writeString(dir.resolve("none.csv"), "offsetSeconds,resource,value\n");
        Path file = dir.resolve("box.yaml");
        Files.writeString(file, """
                gateway: {id: river-box}
                uplink: {broker: "tcp://127.0.0.1:1"}
                outbox: {directory: outbox}
                http: {port: 0}
                zones: [{id: river, gridCell: {code: "310104007020"}}]
                devices:
                  - {id: gauge-1, profile: radar-water-level, zone: river, staleAfterSeconds: 2,
                     connection: {type: replay, file: none.csv}}
                categories:
                  water-level.warning: {code: "FX-01", nameZh: 水位超警, caseType: iot}
                  device.offline: {code: "DEV-01", nameZh: 设备离线, caseType: iot}
                  device.fault: {code: "DEV-02", nameZh: 设备故障, caseType: iot}
                rules:
                  - {id: flood, type: water-level, alertType: water-level.warning, devices: [gauge-1], resource: waterLevel,
                     warningLevel: 4.5, guaranteeLevel: 5.3}
                health: {offlineAlertType: device.offline, faultAlertType: device.fault, faultAfterBadReadings: 3}
                """);
        return Gateway.start(file, new GatewayConfigLoader().load(file), stored::add);
    }

    private static Reading level(int minute, double m) {
        return new Reading("gauge-1", "waterLevel", m, "m", Instant.parse("2026-09-14T00:00:00Z").plusSeconds(minute * 60L), Quality.GOOD);
    }

    private List<String> seen() {
        return stored.stream().map(a -> a.type() + ":" + a.lifecycle().wireName()).toList();
    }

    @Test
    void aSilentDeviceGoesOfflineAndComesBack() throws Exception {
        try (Gateway g = start()) {
            g.pipeline().accept(level(0, 3.2));
            await().atMost(10, TimeUnit.SECONDS).until(() -> seen().contains("device.offline:start"));
            Alert offline = stored.peek();
            assertThat(offline.category().nameZh()).isEqualTo("设备离线");
            assertThat(offline.gridCell().code()).isEqualTo("310104007020");
            g.pipeline().accept(level(1, 3.2));
            await().atMost(10, TimeUnit.SECONDS).until(() -> seen().contains("device.offline:end"));
        }
    }

    private Alert first(String type, Lifecycle lifecycle) {
        return stored.stream().filter(a -> a.type().equals(type) && a.lifecycle() == lifecycle).findFirst().orElseThrow();
    }

    /**
     * Both health watches raise their findings under rule {@code device-health} in the device's zone: only the alert
     * type tells a fault from an offline, so each must be an incident of its own (issue 8, defect 1).
     */
    @Test
    void aFaultAndAnOfflineOnOneDeviceAreTwoIncidentsThatStartAndEndOnTheirOwn() throws Exception {
        try (Gateway g = start()) {
            g.pipeline().accept(level(0, 3.20));
            g.pipeline().accept(level(1, 200));  // spikes: bad readings, three in a row are a fault
            g.pipeline().accept(level(2, 200));
            g.pipeline().accept(level(3, 200));
            await().atMost(10, TimeUnit.SECONDS).until(() -> seen().contains("device.fault:start"));

            // Then silence: the gauge goes offline while its fault is open.
            await().atMost(15, TimeUnit.SECONDS).until(() -> seen().contains("device.offline:start"));
            g.pipeline().accept(level(4, 3.21)); // data again: offline ends; one good reading does not end the fault
            await().atMost(15, TimeUnit.SECONDS).until(() -> seen().contains("device.offline:end"));
            assertThat(seen()).doesNotContain("device.fault:end");

            g.pipeline().accept(level(5, 3.22));
            g.pipeline().accept(level(6, 3.23));
            await().atMost(10, TimeUnit.SECONDS).until(() -> seen().contains("device.fault:end"));

            Alert faultStart = first("device.fault", Lifecycle.START);
            Alert faultEnd = first("device.fault", Lifecycle.END);
            Alert offlineStart = first("device.offline", Lifecycle.START);
            Alert offlineEnd = first("device.offline", Lifecycle.END);
            assertThat(faultEnd.incidentId()).isEqualTo(faultStart.incidentId());
            assertThat(offlineEnd.incidentId()).isEqualTo(offlineStart.incidentId()).isNotEqualTo(faultStart.incidentId());
            assertThat(faultEnd.revision()).isEqualTo(1);
            assertThat(offlineEnd.revision()).isEqualTo(1);
            assertThat(offlineStart.category().nameZh()).isEqualTo("设备离线");
            assertThat(faultEnd.category().nameZh()).isEqualTo("设备故障");
        }
    }

    @Test
    void aSpikeNeverReachesTheFloodRuleAndPersistentBadDataIsAFault() throws Exception {
        try (Gateway g = start()) {
            g.pipeline().accept(level(0, 3.20));
            g.pipeline().accept(level(1, 9.80)); // a radar echo: 6.6 m in a minute, over the guarantee level
            g.pipeline().accept(level(2, 3.21));
            Thread.sleep(500);
            assertThat(seen()).as("no flood alert from one spike").doesNotContain("water-level.warning:start");
            g.pipeline().accept(level(3, 200));  // out of the profile's range: bad
            g.pipeline().accept(level(4, 200));
            g.pipeline().accept(level(5, 200));
            await().atMost(10, TimeUnit.SECONDS).until(() -> seen().contains("device.fault:start"));
            assertThat(stored).filteredOn(a -> a.type().equals("device.fault")).first()
                    .extracting(Alert::lifecycle).isEqualTo(Lifecycle.START);
            assertThat(seen()).doesNotContain("water-level.warning:start");
        }
    }
}
