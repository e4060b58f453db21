package gridwatch.gateway.ingest.hj212;

import com.fasterxml.jackson.databind.JsonNode;
import gridwatch.gateway.support.CenterRoundTrip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;

/** A construction-site station talks HJ 212 to the gateway at night; the center gets a 施工扰民 alert. */
@Tag("servers")
class Hj212ToAlertTest {

    @TempDir
    Path dir;

    @Test
    void nightWorkReportedOverHj212ArrivesAsAConstructionNoiseAlert() throws Exception {
        JsonNode d = CenterRoundTrip.firstAlert(dir, "site-box", broker -> """
                gateway: {id: site-box}
                site: {timeZone: Asia/Shanghai}
                uplink: {broker: "%s"}
                outbox: {directory: outbox}
                http: {port: 0}
                ingest: {hj212: {bind: 127.0.0.1, port: 0}}
                zones: [{id: site-0423, gridCell: {code: "310104012003", name: 龙华街道 第3网格}}]
                devices:
                  - id: site-0423-noise
                    profile: noise-station-hj212
                    zone: site-0423
                    connection: {type: hj212, mn: "690000D5800028F889000003", password: "123456"}
                categories:
                  noise.construction: {code: "03-01", nameZh: 施工扰民, scheme: CJT214}
                rules:
                  - id: site-boundary
                    type: noise-limit
                    alertType: noise.construction
                    devices: [site-0423-noise]
                    resource: LA
                    areaClass: construction
                    windowSeconds: 300
                    severity: orange
                """.formatted(broker), g -> {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), g.hj212().orElseThrow().port())) {
                OutputStream out = s.getOutputStream();
                // 23:10 local: night limit 55 dB(A); a 72.4 dB(A) hit is over 55 + 15.
                out.write(Hj212Responses.frame("QN=20261120231000000;ST=39;CN=2011;PW=123456;MN=690000D5800028F889000003;"
                        + "Flag=5;CP=&&DataTime=20261120231000;a34004-Rtd=45.0;LA-Rtd=72.4,LA-Flag=N&&"));
                out.flush();
            }
        }, Duration.ofSeconds(15));
        assertThat(d.at("/category/code").asText()).isEqualTo("03-01");
        assertThat(d.at("/category/nameZh").asText()).isEqualTo("施工扰民");
        assertThat(d.at("/device/id").asText()).isEqualTo("site-0423-noise");
        assertThat(d.at("/gridCell/code").asText()).isEqualTo("310104012003");
        assertThat(d.get("observedAt").asText()).isEqualTo("2026-11-20T15:10:00Z");
        assertThat(d.get("summary").asText()).contains("72.4 dB(A) over the night limit 55");
        assertThat(d.at("/evidence/0/kind").asText()).isEqualTo("noise-window");
    }
}
