package gridwatch.bench;

import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.runtime.GatewayConfigLoader;

import java.nio.file.Files;
import java.nio.file.Path;

/** A box config for the benchmarks: one meter, a threshold rule that alerts on every crossing. */
final class BenchBox {

    private BenchBox() {
    }

    static Path write(Path dir, String broker, boolean fsync) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("none.csv"), "offsetSeconds,resource,value\n");
        Path file = dir.resolve("bench-box.yaml");
        Files.writeString(file, """
                gateway: {id: bench-box}
                uplink: {broker: "%s", maxInflight: 100}
                outbox: {directory: outbox, fsync: %s}
                http: {port: 0}
                zones: [{id: z1, gridCell: {code: "310104007012", name: 漕河泾街道 第12网格}}]
                devices:
                  - {id: noise-1, profile: decibel-meter-rs485, zone: z1, location: {lat: 31.17, lon: 121.43},
                     connection: {type: replay, file: none.csv}}
                categories:
                  noise.construction: {code: "03-01", nameZh: 施工扰民, scheme: CJT214}
                rules:
                  - {id: loud, type: threshold, alertType: noise.construction, devices: [noise-1], resource: Leq, above: 70}
                alerts: {updateIntervalSeconds: 0, cooldownSeconds: 0}
                """.formatted(broker, fsync));
        return file;
    }

    static EdgeConfig load(Path file) throws Exception {
        return new GatewayConfigLoader().load(file);
    }
}
