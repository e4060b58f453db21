package gridwatch.gateway.ingest.opcua;

import gridwatch.config.model.OpcUaConnection;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.net.LoopbackPorts;
import gridwatch.gateway.support.PumpStationPlc;
import gridwatch.profiles.DeviceProfile;
import gridwatch.profiles.ProfileLoader;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A pumping station's water level from a real Eclipse Milo OPC UA server, in-process on loopback. */
@Tag("servers")
class OpcUaSourceTest {

    @TempDir
    Path dir;

    private final Queue<Reading> readings = new ConcurrentLinkedQueue<>();
    private final int port = LoopbackPorts.free();
    private final PumpStationPlc plc = new PumpStationPlc(port);
    private OpcUaSource source;

    @AfterEach
    void stop() throws Exception {
        if (source != null) {
            source.close();
        }
        plc.close();
    }

    private OpcUaSource subscribe(DeviceProfile profile) {
        source = new OpcUaSource("forebay-1", new OpcUaConnection(plc.endpoint(), null, null, 100, 2000), profile, Clock.systemUTC());
        source.start(readings::add);
        return source;
    }

    private static DeviceProfile builtIn() throws Exception {
        return new ProfileLoader().load(List.of()).find("radar-water-level").orElseThrow();
    }

    private boolean seen(double metres) {
        return readings.stream().anyMatch(r -> Math.abs(r.value() - metres) < 1e-9);
    }

    @Test
    void levelChangesArriveWithThePlcsOwnTimestamp() throws Exception {
        plc.start();
        subscribe(builtIn());
        Instant t = Instant.parse("2026-09-15T06:30:00Z");
        await().atMost(20, TimeUnit.SECONDS).until(() -> source.subscriptionsBuilt() == 1);
        plc.setLevel(4.62, StatusCode.GOOD, t);
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen(4.62));
        Reading r = readings.stream().filter(x -> Math.abs(x.value() - 4.62) < 1e-9).findFirst().orElseThrow();
        assertThat(r.deviceId()).isEqualTo("forebay-1");
        assertThat(r.resource()).isEqualTo("waterLevel");
        assertThat(r.unit()).isEqualTo("m");
        assertThat(r.observedAt()).isEqualTo(t);
        assertThat(r.quality()).isEqualTo(Quality.GOOD);
        assertThat(source.describe()).contains("subscribed to 1 nodes");
    }

    @Test
    void aValueThePlcMarksBadIsKeptButNeverGood() throws Exception {
        plc.start();
        subscribe(builtIn());
        await().atMost(20, TimeUnit.SECONDS).until(() -> source.subscriptionsBuilt() == 1);
        plc.setLevel(7.77, new StatusCode(StatusCodes.Bad_SensorFailure), Instant.now());
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen(7.77));
        assertThat(readings).filteredOn(r -> Math.abs(r.value() - 7.77) < 1e-9).allSatisfy(r -> assertThat(r.quality()).isEqualTo(Quality.BAD));
        assertThat(source.badValues()).isPositive();
    }

    @Test
    void aNaNThePlcCallsGoodIsStillOneBadReading() throws Exception {
        plc.start();
        subscribe(builtIn());
        await().atMost(20, TimeUnit.SECONDS).until(() -> source.subscriptionsBuilt() == 1);
        plc.setLevel(Double.NaN, StatusCode.GOOD, Instant.now());
        await().atMost(10, TimeUnit.SECONDS).until(() -> readings.stream().anyMatch(r -> Double.isNaN(r.value())));
        assertThat(readings).filteredOn(r -> Double.isNaN(r.value()))
                .allSatisfy(r -> assertThat(r.quality()).isEqualTo(Quality.BAD));
        assertThat(source.describe()).contains("unusable");
        plc.setLevel(4.70, StatusCode.GOOD, Instant.now());
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen(4.70));
        assertThat(readings).filteredOn(r -> Math.abs(r.value() - 4.70) < 1e-9).first()
                .satisfies(r -> assertThat(r.quality()).isEqualTo(Quality.GOOD));
    }

    @Test
    void aServerRestartKillsTheSessionAndTheSubscriptionIsRebuilt() throws Exception {
        plc.start();
        subscribe(builtIn());
        await().atMost(20, TimeUnit.SECONDS).until(() -> source.subscriptionsBuilt() == 1);
        plc.setLevel(3.10, StatusCode.GOOD, Instant.now());
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen(3.10));

        plc.stop();
        await().atMost(20, TimeUnit.SECONDS).until(() -> source.describe().contains("session lost"));
        Thread.sleep(1500);
        plc.setLevel(3.45, StatusCode.GOOD, Instant.now());
        plc.start();

        await().atMost(60, TimeUnit.SECONDS).until(() -> seen(3.45));
        assertThat(source.subscriptionsBuilt()).as("the old subscription died with the server").isGreaterThanOrEqualTo(2);
        plc.setLevel(3.50, StatusCode.GOOD, Instant.now());
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen(3.50));
    }

    @Test
    void aPlcThatIsDownAtBootIsWaitedFor() throws Exception {
        subscribe(builtIn());
        await().atMost(10, TimeUnit.SECONDS).until(() -> source.describe().contains("cannot reach"));
        plc.setLevel(2.22, StatusCode.GOOD, Instant.now());
        plc.start();
        await().atMost(60, TimeUnit.SECONDS).until(() -> seen(2.22));
    }

    @Test
    void nodesByNamespaceUriWorkAndAnUnknownNodeDoesNotStopTheOthers() throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("forebay-plc.yaml"), """
                name: forebay-plc
                manufacturer: Test
                model: PLC-1
                kind: sensor
                protocols: [opcua]
                deviceResources:
                  - name: waterLevel
                    attributes:
                      opcua: {nodeId: "nsu=%s;s=%s", samplingIntervalMs: 100}
                    properties: {valueType: Float64, readWrite: R, units: m, minimum: -5, maximum: 100}
                  - name: gateOpening
                    attributes:
                      opcua: {nodeId: "ns=2;s=PumpStation/Gate/Opening"}
                    properties: {valueType: Float64, readWrite: R, units: m}
                """.formatted(PumpStationPlc.NAMESPACE, PumpStationPlc.LEVEL));
        DeviceProfile p = new ProfileLoader().load(List.of(profiles)).find("forebay-plc").orElseThrow();
        plc.start();
        subscribe(p);
        await().atMost(20, TimeUnit.SECONDS).until(() -> source.subscriptionsBuilt() == 1);
        plc.setLevel(5.01, StatusCode.GOOD, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen(5.01));
        assertThat(source.describe()).contains("subscribed to 1 nodes").contains("refused nodes").contains("PumpStation/Gate/Opening");
    }
}
