package gridwatch.gateway.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The box config of a chaos run, written as an operator would write it: {@code stations} HJ 212
 * noise stations, one threshold rule on their Leq at 70 dB(A) with no hold time, no hysteresis,
 * no update throttling and no cooldown, so every reading that crosses the limit (75 after 60, 60
 * after 75) is exactly one alert (a START or an END).
 *
 * @param influxUrl InfluxDB for every reading, or null for none
 */
record ChaosBox(String gatewayId, String brokerUrl, int keepAliveSeconds, Path outboxDir, int httpPort, int hj212Port,
                int stations, String influxUrl, Path spoolDir) {

    static final String PASSWORD = "123456";
    static final double LIMIT = 70;

    String alertTopicFilter() {
        return "gridwatch/v1/" + gatewayId + "/alerts/#";
    }

    List<String> mns() {
        List<String> out = new ArrayList<>(stations);
        for (int i = 1; i <= stations; i++) {
            out.add(mn(i));
        }
        return out;
    }

    private static String mn(int i) {
        return "GWCHAOS%09d".formatted(i);
    }

    Path write(Path file) throws IOException {
        StringBuilder devices = new StringBuilder();
        StringBuilder ids = new StringBuilder();
        for (int i = 1; i <= stations; i++) {
            devices.append("""
                      - id: station-%02d
                        name: chaos station %d
                        profile: noise-station-hj212
                        zone: cell-1
                        connection: {type: hj212, mn: "%s", password: "%s"}
                    """.formatted(i, i, mn(i), PASSWORD));
            ids.append(i == 1 ? "" : ", ").append("station-%02d".formatted(i));
        }
        String timeseries = influxUrl == null ? "" : """
                timeseries:
                  influxdb: {url: "%s", database: chaos, createDatabase: true, flushMillis: 200, spoolDirectory: "%s"}
                """.formatted(influxUrl, spoolDir);
        Files.writeString(file, """
                gateway: {id: %s}
                site: {name: chaos rig, timeZone: Asia/Shanghai, location: {lat: 31.17, lon: 121.43}}
                uplink: {broker: "%s", keepAliveSeconds: %d}
                outbox: {directory: "%s"}
                http: {bind: 127.0.0.1, port: %d}
                ingest:
                  hj212: {bind: 127.0.0.1, port: %d}
                zones:
                  - id: cell-1
                    gridCell: {code: "310104007012", name: 漕河泾街道 第12网格}
                devices:
                %s
                categories:
                  noise.construction: {code: "03-01", nameZh: 施工扰民, scheme: CJT214}
                rules:
                  - id: loud
                    type: threshold
                    alertType: noise.construction
                    devices: [%s]
                    resource: Leq
                    above: %s
                    severity: orange
                alerts: {updateIntervalSeconds: 0, cooldownSeconds: 0}
                %s""".formatted(gatewayId, brokerUrl, keepAliveSeconds, outboxDir, httpPort, hj212Port,
                devices.toString().stripTrailing(), ids, LIMIT, timeseries));
        return file;
    }
}
