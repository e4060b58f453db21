package gridwatch.gateway.ingest.modbus;

import org.jspecify.annotations.Nullable;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import gridwatch.config.model.ModbusConnection;
import gridwatch.detectors.core.Quality;
import gridwatch.gateway.ingest.ProfileReadings;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.UnusableValues;
import gridwatch.profiles.DeviceProfile;
import gridwatch.profiles.DeviceResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Polls one Modbus TCP device: every {@code pollSeconds}, one read per register block (the
 * profile's points batched, see {@link RegisterBlock}), each point decoded by the profile's raw
 * type and byte/word order and transformed by its scale and offset. A register holding NaN or an
 * infinity (a float meter's "no value") is one BAD reading and the rest of the poll goes on: the
 * meter answered, so it is not unreachable. A failed poll drops the connection and the next one
 * reconnects, backing off (doubling up to a minute) while the device stays unreachable; its
 * state shows in /health. Runs on its own virtual thread.
 */
public final class ModbusPoller implements Source {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusPoller.class);
    private static final Set<String> REGISTER_TABLES = Set.of("HOLDING_REGISTERS", "INPUT_REGISTERS");

    private final String deviceId;
    private final ModbusConnection conn;
    private final List<RegisterBlock> blocks;
    private final Clock clock;
    private final ModbusTcpClient client;
    private final ProfileReadings readings;
    private volatile @Nullable Thread thread;
    private volatile String state = "starting";
    private volatile long polls;

    /** Unusable values are logged and shown in {@link #describe()}, not counted in a metric: the gateway passes its counter. */
    public ModbusPoller(String deviceId, ModbusConnection conn, DeviceProfile profile, Clock clock) {
        this(deviceId, conn, profile, clock, (device, reason) -> { });
    }

    public ModbusPoller(String deviceId, ModbusConnection conn, DeviceProfile profile, Clock clock, UnusableValues.Counter unusable) {
        this.deviceId = deviceId;
        this.readings = new ProfileReadings(new UnusableValues(unusable));
        this.conn = conn;
        this.clock = clock;
        this.blocks = RegisterBlock.plan(points(profile));
        Duration timeout = Duration.ofMillis(conn.timeoutMillis());
        this.client = ModbusTcpClient.create(
                NettyTcpClientTransport.create(c -> {
                    c.hostname = conn.host();
                    c.port = conn.port();
                    c.connectTimeout = timeout;
                    c.connectPersistent = false;
                }),
                c -> c.requestTimeout = timeout);
    }

    /** The register points of a profile: resources with a {@code modbus} attribute on a register table. */
    public static List<RegisterPoint> points(DeviceProfile profile) {
        List<RegisterPoint> out = new ArrayList<>();
        for (DeviceResource r : profile.deviceResources()) {
            Map<String, Object> m = r.attributes().get("modbus");
            if (m == null || !REGISTER_TABLES.contains(String.valueOf(m.get("primaryTable")))) {
                continue;
            }
            // The profile schema requires primaryTable, startingAddress and rawType on every modbus attribute.
            out.add(new RegisterPoint(r.name(), Objects.requireNonNull(m.get("primaryTable")).toString(),
                    ((Number) Objects.requireNonNull(m.get("startingAddress"))).intValue(),
                    Objects.requireNonNull(m.get("rawType")).toString(), !"LITTLE".equals(m.get("byteOrder")), !"LITTLE".equals(m.get("wordOrder")),
                    r.properties()));
        }
        return out;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public void start(ReadingSink sink) {
        thread = Thread.ofVirtual().name("modbus-" + deviceId).start(() -> loop(sink));
    }

    private void loop(ReadingSink sink) {
        long interval = (long) (conn.pollSeconds() * 1000);
        int failures = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (!client.getTransport().isConnected()) {
                    client.connect();
                }
                int n = pollOnce(sink);
                polls++;
                if (failures > 0) {
                    LOG.info("modbus {} ({}:{}) reachable again", deviceId, conn.host(), conn.port());
                }
                failures = 0;
                long unusable = readings.unusableCount();
                state = "polling " + conn.host() + ":" + conn.port() + " unit " + conn.unitId() + ": " + n + " values, " + polls + " polls"
                        + (unusable > 0 ? ", " + unusable + " unusable values" : "");
            } catch (Exception e) {
                if (failures++ == 0) {
                    LOG.warn("modbus {} ({}:{}) failed: {}; retrying with backoff", deviceId, conn.host(), conn.port(), e.toString());
                }
                state = "unreachable " + conn.host() + ":" + conn.port() + " (" + failures + " failed polls): " + e.getMessage();
                try {
                    client.disconnect();
                } catch (Exception ignored) {
                    // already down
                }
            }
            long wait = failures == 0 ? interval : Math.min(60_000, interval * (1L << Math.min(failures - 1, 6)));
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private int pollOnce(ReadingSink sink) throws Exception {
        int n = 0;
        for (RegisterBlock b : blocks) {
            byte[] regs = b.table().equals("HOLDING_REGISTERS")
                    ? client.readHoldingRegisters(conn.unitId(), new ReadHoldingRegistersRequest(b.start(), b.count())).registers()
                    : client.readInputRegisters(conn.unitId(), new ReadInputRegistersRequest(b.start(), b.count())).registers();
            Instant at = clock.instant();
            for (RegisterPoint p : b.points()) {
                double raw = RegisterDecoder.raw(p, regs, p.address() - b.start());
                sink.accept(readings.of(deviceId, p.resource(), p.properties(), raw, at, Quality.GOOD));
                n++;
            }
        }
        return n;
    }

    /** Completed polls since start. */
    public long polls() {
        return polls;
    }

    /** Requests per poll, after batching. */
    public int requestsPerPoll() {
        return blocks.size();
    }

    @Override
    public String describe() {
        return state;
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        try {
            client.disconnect();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
