package gridwatch.gateway.drone;

import gridwatch.gateway.support.SharedData;

import java.nio.file.Files;
import java.nio.file.Path;

/** A box config with one drone, the team's YOLOX-nano, the seeds' Brighton grid and the drone categories. */
final class DroneBoxes {

    static final String YOLOX_SHA256 = "695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14";

    private DroneBoxes() {
    }

    static Path photo(String name) {
        return SharedData.path("testdata/drone/" + name);
    }

    /** @param broker the uplink ("tcp://127.0.0.1:1" for none) */
    static Path write(Path box, String broker, String extraDrone) throws Exception {
        Path grid = Path.of("../seeds/drone/brighton-park-grid.geojson").toAbsolutePath().normalize();
        return Files.writeString(box.resolve("box.yaml"), """
                gateway: {id: drone-box}
                site: {timeZone: America/Chicago, location: {lat: 46.8425, lon: -91.9941}}
                uplink: {broker: "%s"}
                outbox: {directory: var/outbox}
                http: {bind: 127.0.0.1, port: 0}
                zones:
                  - id: park
                    gridCell: {code: "990001000000000", name: 布赖顿海滩公园}
                vision:
                  model: {path: "%s", sha256: "%s", threads: 2}
                drone:
                  grid: {file: "%s", datum: wgs84}
                %s
                devices:
                  - id: drone-1
                    profile: drone-camera
                    zone: park
                    connection: {type: drone, folder: dji-sync, settleSeconds: 0.3, scanSeconds: 0.1, detect: [vehicles]}
                categories:
                  drone.vehicle: {code: "05-20", nameZh: 机动车乱停放, scheme: CJT214}
                  drone.people: {code: "04-09", nameZh: 人员非正常聚集, scheme: SH-WG}
                  drone.garbage: {code: "01-02", nameZh: 暴露垃圾, scheme: CJT214}
                  drone.change.appeared: {code: "local-drone-new", nameZh: 巡查对比新增, scheme: local}
                  drone.change.vanished: {code: "local-drone-gone", nameZh: 巡查对比消失, scheme: local}
                """.formatted(broker, SharedData.path("models/yolox_nano.onnx"), YOLOX_SHA256, grid, extraDrone.indent(2).stripTrailing()));
    }
}
