package gridwatch.gateway.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small box configs into a test's temp dir; readings are pushed in by the test itself. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /**
     * A box with one noise meter fed by an empty trace, and a threshold rule at {@code above}
     * with no hold time, no update throttling and no cooldown, so every crossing is an alert.
     */
    public static Path thresholdBox(Path dir, String brokerUrl, double above, String outboxDir) throws IOException {
        Files.writeString(dir.resolve("empty.csv"), "offsetSeconds,resource,value\n");
        Path file = dir.resolve("box.yaml");
        Files.writeString(file, """
                gateway: {id: test-box}
                site: {timeZone: Asia/Shanghai, location: {lat: 31.17, lon: 121.43}}
                uplink: {broker: "%s", maxInflight: 50}
                outbox: {directory: %s, maxBytes: 16777216}
                http: {port: 0}
                zones:
                  - id: cell-1
                    gridCell: {code: "310104007012", name: 漕河泾街道 第12网格}
                devices:
                  - id: noise-1
                    name: test meter
                    profile: decibel-meter-rs485
                    zone: cell-1
                    connection: {type: replay, file: empty.csv}
                categories:
                  noise.construction: {code: "03-01", nameZh: 施工扰民, scheme: CJT214}
                rules:
                  - id: loud
                    type: threshold
                    alertType: noise.construction
                    devices: [noise-1]
                    resource: Leq
                    above: %s
                    severity: orange
                alerts: {updateIntervalSeconds: 0, cooldownSeconds: 0}
                """.formatted(brokerUrl, outboxDir, above));
        return file;
    }
}
