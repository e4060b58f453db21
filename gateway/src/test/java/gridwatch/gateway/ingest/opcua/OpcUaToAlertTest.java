package gridwatch.gateway.ingest.opcua;

import com.fasterxml.jackson.databind.JsonNode;
import gridwatch.gateway.net.LoopbackPorts;
import gridwatch.gateway.support.CenterRoundTrip;
import gridwatch.gateway.support.PumpStationPlc;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The forebay of a pumping station rises past its warning level; the PLC says so over OPC UA. */
@Tag("servers")
class OpcUaToAlertTest {

    @TempDir
    Path dir;

    @Test
    void aForebayOverItsWarningLevelReachesTheCenterAsAFloodAlert() throws Exception {
        try (PumpStationPlc plc = new PumpStationPlc(LoopbackPorts.free()).start()) {
            Instant t = Instant.parse("2026-09-15T06:30:00Z");
            // Within the profile's maxStep of 0.5 m, so the rise is not taken for a radar spike.
            plc.setLevel(4.30, StatusCode.GOOD, t.minusSeconds(600));
            JsonNode d = CenterRoundTrip.firstAlert(dir, "pump-box", broker -> """
                    gateway: {id: pump-box}
                    site: {timeZone: Asia/Shanghai}
                    uplink: {broker: "%s"}
                    outbox: {directory: outbox}
                    http: {port: 0}
                    zones: [{id: pump-3, gridCell: {code: "310115007011", name: 川沙 第11网格}}]
                    devices:
                      - id: forebay-3
                        profile: radar-water-level
                        zone: pump-3
                        connection: {type: opcua, endpoint: "%s", publishingMs: 100}
                    categories:
                      water-level.warning: {code: "FX-01", nameZh: 水位超警, scheme: IOT}
                    rules:
                      - id: forebay-flood
                        type: water-level
                        alertType: water-level.warning
                        devices: [forebay-3]
                        resource: waterLevel
                        warningLevel: 4.50
                        guaranteeLevel: 5.30
                        approachMargin: 0.10
                    """.formatted(broker, plc.endpoint()), g -> {
                await().atMost(20, TimeUnit.SECONDS).until(() -> g.sources().getFirst().describe().contains("subscribed to 1 nodes"));
                plc.setLevel(4.61, StatusCode.GOOD, t);
            }, Duration.ofSeconds(20));
            assertThat(d.at("/category/nameZh").asText()).isEqualTo("水位超警");
            assertThat(d.at("/device/id").asText()).isEqualTo("forebay-3");
            assertThat(d.at("/gridCell/code").asText()).isEqualTo("310115007011");
            assertThat(d.get("observedAt").asText()).isEqualTo("2026-09-15T06:30:00Z");
            assertThat(d.get("severity").asText()).isIn("yellow", "orange");
        }
    }
}
