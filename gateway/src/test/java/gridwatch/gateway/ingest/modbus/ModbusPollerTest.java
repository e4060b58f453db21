package gridwatch.gateway.ingest.modbus;

import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.server.ProcessImage;
import com.digitalpetri.modbus.server.ReadWriteModbusServices;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import gridwatch.config.model.ModbusConnection;
import gridwatch.gateway.net.LoopbackPorts;
import gridwatch.gateway.ops.GatewayMetrics;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.profiles.DeviceProfile;
import gridwatch.profiles.DeviceResource;
import gridwatch.profiles.ProfileCatalog;
import gridwatch.profiles.ProfileLoader;
import gridwatch.profiles.ResourceProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Polling a real Modbus TCP server (the library's own, in-process) with the built-in profiles. */
@Tag("servers")
class ModbusPollerTest {

    private final ProcessImage image = new ProcessImage();
    private final AtomicInteger holdingReads = new AtomicInteger();
    private final Queue<Reading> readings = new ConcurrentLinkedQueue<>();
    private ProfileCatalog profiles;
    private ModbusTcpServer server;
    private int port;
    private ModbusPoller poller;

    @BeforeEach
    void start() throws Exception {
        profiles = new ProfileLoader().load(List.of());
        port = LoopbackPorts.free();
        // An RS-485 decibel transmitter (unit 1): 58.2 and 73.1 dB(A) in 0.1 dB steps.
        image.with(tx -> tx.writeHoldingRegisters(m -> {
            m.put(0, new byte[] {0x02, 0x46});
            m.put(1, new byte[] {0x02, (byte) 0xDB});
        }));
        // A radar gauge: 4.62 m as a big-endian float in input registers 0-1, air gap 2450 mm in 2.
        byte[] f = ByteBuffer.allocate(4).putFloat(4.62f).array();
        image.with(tx -> tx.writeInputRegisters(m -> {
            m.put(0, new byte[] {f[0], f[1]});
            m.put(1, new byte[] {f[2], f[3]});
            m.put(2, new byte[] {0x09, (byte) 0x92});
        }));
        startServer();
    }

    private void startServer() throws Exception {
        var services = new ReadWriteModbusServices() {
            @Override
            protected Optional<ProcessImage> getProcessImage(int unitId) {
                return unitId == 1 ? Optional.of(image) : Optional.empty();
            }

            @Override
            public ReadHoldingRegistersResponse readHoldingRegisters(ModbusRequestContext ctx, int unitId,
                                                                     ReadHoldingRegistersRequest req) throws UnknownUnitIdException {
                holdingReads.incrementAndGet();
                return super.readHoldingRegisters(ctx, unitId, req);
            }
        };
        server = ModbusTcpServer.create(NettyTcpServerTransport.create(c -> {
            c.bindAddress = "127.0.0.1";
            c.port = port;
        }), services);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (poller != null) {
            poller.close();
        }
        server.stop();
    }

    private ModbusPoller poll(String profile, double seconds) {
        poller = new ModbusPoller("dev-1", new ModbusConnection("127.0.0.1", port, 1, seconds, 500),
                profiles.find(profile).orElseThrow(), Clock.systemUTC());
        poller.start(readings::add);
        return poller;
    }

    @Test
    void aDecibelTransmitterIsReadScaledToDecibelsInOneRequest() {
        ModbusPoller p = poll("decibel-meter-rs485", 0.2);
        await().atMost(10, TimeUnit.SECONDS).until(() -> readings.size() >= 2);
        assertThat(readings).filteredOn(r -> r.resource().equals("Leq")).first().satisfies(r -> {
            assertThat(r.value()).isCloseTo(58.2, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.unit()).isEqualTo("dB(A)");
            assertThat(r.quality()).isEqualTo(Quality.GOOD);
        });
        assertThat(readings).filteredOn(r -> r.resource().equals("Lmax")).first()
                .satisfies(r -> assertThat(r.value()).isCloseTo(73.1, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(p.requestsPerPoll()).isEqualTo(1);
        p.close();
        long polls = p.polls();
        assertThat(polls).isPositive();
        assertThat((long) holdingReads.get()).as("Leq and Lmax in one batched read per poll").isBetween(polls, polls + 1);
    }

    @Test
    void aRadarGaugeFloatIsReadFromInputRegisters() {
        poll("radar-water-level", 0.2);
        await().atMost(10, TimeUnit.SECONDS).until(() -> readings.size() >= 2);
        assertThat(readings).filteredOn(r -> r.resource().equals("waterLevel")).first()
                .satisfies(r -> assertThat(r.value()).isCloseTo(4.62, org.assertj.core.data.Offset.offset(1e-6)));
        assertThat(readings).filteredOn(r -> r.resource().equals("airGap")).first()
                .satisfies(r -> assertThat(r.value()).isCloseTo(2.45, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void aFloatRegisterHoldingNaNIsOneBadReadingAndThePollGoesOn() {
        byte[] nan = ByteBuffer.allocate(4).putFloat(Float.NaN).array();
        image.with(tx -> tx.writeInputRegisters(m -> {
            m.put(0, new byte[] {nan[0], nan[1]});
            m.put(1, new byte[] {nan[2], nan[3]});
        }));
        ModbusPoller p = poll("radar-water-level", 0.2);
        await().atMost(10, TimeUnit.SECONDS).until(() -> p.polls() >= 2);
        assertThat(p.describe()).as("the meter answered: it is not unreachable").startsWith("polling").contains("unusable values");
        assertThat(readings).filteredOn(r -> r.resource().equals("waterLevel")).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.value()).isNaN();
                    assertThat(r.quality()).isEqualTo(Quality.BAD);
                });
        assertThat(readings).filteredOn(r -> r.resource().equals("airGap")).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.value()).isCloseTo(2.45, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(r.quality()).isEqualTo(Quality.GOOD);
                });
    }

    @Test
    void infinityInAFloat64AndATotalTooLargeForItsInt32AreBadTheRestOfThePollIsGood() {
        byte[] inf = ByteBuffer.allocate(8).putDouble(Double.POSITIVE_INFINITY).array();
        byte[] bar = ByteBuffer.allocate(4).putFloat(3.5f).array();
        image.with(tx -> tx.writeHoldingRegisters(m -> {
            for (int w = 0; w < 4; w++) {
                m.put(10 + w, new byte[] {inf[2 * w], inf[2 * w + 1]});
            }
            m.put(14, new byte[] {(byte) 0xFF, (byte) 0xFF});   // 4294967295 does not fit the profile's Int32
            m.put(15, new byte[] {(byte) 0xFF, (byte) 0xFF});
            m.put(16, new byte[] {bar[0], bar[1]});
            m.put(17, new byte[] {bar[2], bar[3]});
        }));
        GatewayMetrics metrics = new GatewayMetrics();
        poller = new ModbusPoller("flow-1", new ModbusConnection("127.0.0.1", port, 1, 0.2, 500), flowMeter(), Clock.systemUTC(),
                metrics::valueUnusable);
        poller.start(readings::add);
        await().atMost(10, TimeUnit.SECONDS).until(() -> poller.polls() >= 2);
        assertThat(poller.describe()).startsWith("polling");
        assertThat(readings).filteredOn(r -> r.resource().equals("flow")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.quality()).isEqualTo(Quality.BAD));
        assertThat(readings).filteredOn(r -> r.resource().equals("total")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.quality()).isEqualTo(Quality.BAD));
        assertThat(readings).filteredOn(r -> r.resource().equals("pressure")).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.value()).isEqualTo(3.5);
                    assertThat(r.quality()).isEqualTo(Quality.GOOD);
                });
        assertThat(metrics.valueUnusableCount("flow-1", "infinite")).isGreaterThanOrEqualTo(2);
        assertThat(metrics.valueUnusableCount("flow-1", "out_of_type")).isGreaterThanOrEqualTo(2);
    }

    /** A water main's flow meter: flow as FLOAT64 (holding 10-13), a totaliser as UINT32 into Int32 (14-15), pressure as FLOAT32 (16-17). */
    private static DeviceProfile flowMeter() {
        return new DeviceProfile("flow-meter", "Test", "FM-1", null, "sensor", null, List.of("modbus-tcp"), List.of(
                register("flow", 10, "FLOAT64", "Float64", "m3/h"),
                register("total", 14, "UINT32", "Int32", "m3"),
                register("pressure", 16, "FLOAT32", "Float64", "bar")), "test");
    }

    private static DeviceResource register(String name, int address, String rawType, String valueType, String units) {
        return new DeviceResource(name, null,
                Map.of("modbus", Map.of("primaryTable", "HOLDING_REGISTERS", "startingAddress", address, "rawType", rawType)),
                new ResourceProperties(valueType, "R", units, null, null, null, null, null, null, null, null));
    }

    @Test
    void aDeviceThatGoesAwayIsReportedAndPolledAgainWhenItReturns() throws Exception {
        ModbusPoller p = poll("decibel-meter-rs485", 0.2);
        await().atMost(10, TimeUnit.SECONDS).until(() -> !readings.isEmpty());
        server.stop();
        await().atMost(10, TimeUnit.SECONDS).until(() -> p.describe().startsWith("unreachable"));
        readings.clear();
        startServer();
        await().atMost(20, TimeUnit.SECONDS).until(() -> !readings.isEmpty());
        assertThat(p.describe()).startsWith("polling");
    }
}
