package gridwatch.bench;

import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.runtime.GatewayConfigLoader;

import java.nio.file.Files;
import java.nio.file.Path;

/** Box configs for the benchmarks: one meter and a threshold rule that alerts on every crossing; or one camera. */
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

    /** One camera replaying {@code video} in a loop at 2 analysed frames/s, with a crowd rule over the footpath. */
    static Path writeCamera(Path dir, String broker, Path model, String sha256, Path video) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-camera-box.yaml");
        Files.writeString(file, """
                gateway: {id: bench-camera-box}
                uplink: {broker: "%s"}
                outbox: {directory: outbox}
                http: {port: 0}
                zones: [{id: z1, gridCell: {code: "310104013007", name: 校园 第7网格}}]
                vision:
                  model: {path: "%s", sha256: %s}
                devices:
                  - id: cam-1
                    profile: ip-camera
                    zone: z1
                    connection: {type: video, url: "%s", analysisFps: 2, loop: true}
                    vision:
                      zones: [{id: path, polygon: [[0.0, 0.15], [1.0, 0.15], [1.0, 1.0], [0.0, 1.0]]}]
                      crowd: [{id: path-crowd, zone: path, minPeople: 6, minSeconds: 10, clearSeconds: 10, severity: yellow}]
                categories:
                  crowd.gathering: {code: "04-09", nameZh: 人群聚集, scheme: CJT214}
                """.formatted(broker, model.toAbsolutePath(), sha256, video.toAbsolutePath()));
        return file;
    }

    static EdgeConfig load(Path file) throws Exception {
        return new GatewayConfigLoader().load(file);
    }
}
