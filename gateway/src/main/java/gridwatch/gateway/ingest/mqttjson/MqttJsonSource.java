package gridwatch.gateway.ingest.mqttjson;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import gridwatch.config.model.MqttJsonConnection;
import gridwatch.detectors.core.Quality;
import gridwatch.gateway.ingest.NumberText;
import gridwatch.gateway.ingest.ProfileReadings;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.UnusableValues;
import gridwatch.gateway.net.mqtt.MqttCallbackAdapter;
import gridwatch.profiles.DeviceProfile;
import gridwatch.profiles.DeviceResource;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Readings from JSON messages on an MQTT topic (an IoT platform, or a device that publishes
 * itself). Each profile resource with {@code mqttJson.jsonPath} is read from every message: a
 * JSON number, the bare {@code NaN} and {@code Infinity} some publishers write, or a string
 * holding a number; a value that is not a usable number is one BAD reading and the others in the
 * message are unaffected. The observation time comes from {@code timePath} when configured. A
 * message that is not JSON, or lacks every value, is counted and logged (at most once a minute);
 * nothing is ever thrown back into Paho's thread, which would cost the connection.
 *
 * <p>A supervisor thread connects, subscribes, and after a loss reconnects with backoff (1 s
 * doubling to 30 s) until {@link #close()}, which stops and joins it. Paho's automatic reconnect
 * is off: its timer thread outlives {@code close()} (Paho 1.2.5 cancels it only on a successful
 * reconnect), and with a clean start the subscription has to be made again on every connect.
 */
public final class MqttJsonSource implements Source {

    private static final Logger LOG = LoggerFactory.getLogger(MqttJsonSource.class);
    /** How long close() lets a connect that just began finish before cutting it; see {@link #close()}. */
    private static final long CONNECT_GRACE_NANOS = 2_000_000_000L;

    private record Point(DeviceResource resource, JsonPointer pointer) {
    }

    private final String deviceId;
    private final MqttJsonConnection conn;
    private final List<Point> points = new ArrayList<>();
    private final @Nullable JsonPointer timePointer;
    private final Clock clock;
    private final ProfileReadings readings;
    private final ObjectMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    /** Guards {@link #closed} against a connect being begun; wakes the supervisor early on a lost connection and on close. */
    private final Object lock = new Object();
    private volatile @Nullable MqttAsyncClient client;
    private volatile @Nullable Thread supervisor;
    private volatile boolean closed;
    /** The connect in flight (and when it began), or null. */
    private volatile @Nullable IMqttToken connecting;
    private volatile long connectBegan;
    private volatile long messages;
    private volatile long malformed;
    private volatile long connects;
    private volatile long lastLog;
    private volatile String state = "connecting";

    /** Unusable values are logged and shown in {@link #describe()}, not counted in a metric: the gateway passes its counter. */
    public MqttJsonSource(String deviceId, MqttJsonConnection conn, DeviceProfile profile, Clock clock) {
        this(deviceId, conn, profile, clock, (device, reason) -> { });
    }

    public MqttJsonSource(String deviceId, MqttJsonConnection conn, DeviceProfile profile, Clock clock, UnusableValues.Counter unusable) {
        this.deviceId = deviceId;
        this.conn = conn;
        this.clock = clock;
        this.readings = new ProfileReadings(new UnusableValues(unusable));
        for (DeviceResource r : profile.deviceResources()) {
            Map<String, Object> a = r.attributes().get("mqttJson");
            if (a != null && a.get("jsonPath") != null) {
                points.add(new Point(r, JsonPaths.toPointer(a.get("jsonPath").toString())));
            }
        }
        this.timePointer = conn.timePath() == null ? null : JsonPaths.toPointer(conn.timePath());
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public void start(ReadingSink sink) {
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(conn.pahoUri(), "gridwatch-in-" + deviceId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("bad broker " + conn.broker() + ": " + e.getMessage(), e);
        }
        c.setCallback(new Callbacks(sink));
        client = c;
        supervisor = Thread.ofPlatform().name("mqtt-json-" + deviceId).daemon(true).start(() -> supervise(c, options()));
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setAutomaticReconnect(false);
        o.setCleanStart(true);
        o.setConnectionTimeout(10);
        if (conn.username() != null) {
            o.setUserName(conn.username());
        }
        if (conn.password() != null) {
            o.setPassword(new String(conn.password().reveal()).getBytes(StandardCharsets.UTF_8));
        }
        return o;
    }

    /** The supervisor thread: blocks on Paho's tokens and its own backoff, both cut short by close(). */
    private void supervise(MqttAsyncClient c, MqttConnectionOptions options) {
        long backoff = 1000;
        while (!closed) {
            if (c.isConnected()) {
                pause(1000);
                continue;
            }
            try {
                IMqttToken t;
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    connectBegan = System.nanoTime();
                    t = c.connect(options); // returns at once: the connect runs on Paho's own thread
                    connecting = t;
                }
                try {
                    t.waitForCompletion(15_000);
                } finally {
                    connecting = null;
                }
                subscribe(c);
                connects++;
                state = "subscribed to " + conn.topic() + " on " + conn.broker();
                backoff = 1000;
            } catch (MqttException e) {
                if (closed) {
                    return;
                }
                state = (c.isConnected() ? "cannot subscribe to " + conn.topic() + " on " : "cannot reach ")
                        + conn.broker() + ": " + e.getMessage() + "; retrying";
                abort(c);
                pause(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    private void subscribe(MqttAsyncClient c) throws MqttException {
        IMqttToken t = c.subscribe(conn.topic(), 1);
        t.waitForCompletion(10_000);
        int[] codes = t.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            throw new MqttException(codes[0]);
        }
    }

    /**
     * Ends whatever Paho still holds of a failed or abandoned connect: a connect that never got
     * its CONNACK stays "in progress" (Paho then refuses both a new connect and close), or a
     * connection without its subscription.
     */
    private void abort(MqttAsyncClient c) {
        try {
            c.disconnectForcibly(0, 1000, false);
        } catch (MqttException e) {
            LOG.debug("mqtt-json {}: nothing to abort: {}", deviceId, e.getMessage());
        }
    }

    private void pause(long millis) {
        synchronized (lock) {
            if (!closed) {
                try {
                    lock.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    /** Runs on Paho's callback thread: parse, enqueue (non-blocking), never throw. */
    void handle(byte[] payload, ReadingSink sink) {
        messages++;
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (Exception e) {
            refuse("not JSON: " + e.getMessage());
            return;
        }
        Instant at = clock.instant();
        if (timePointer != null) {
            JsonNode t = root.at(timePointer);
            try {
                at = t.isNumber() ? Instant.ofEpochMilli(t.asLong()) : OffsetDateTime.parse(t.asText()).toInstant();
            } catch (Exception e) {
                refuse("no usable time at " + conn.timePath());
                return;
            }
        }
        int found = 0;
        for (Point p : points) {
            OptionalDouble v = number(root.at(p.pointer()));
            if (v.isPresent()) {
                sink.accept(readings.of(deviceId, p.resource().name(), p.resource().properties(), v.getAsDouble(), at, Quality.GOOD));
                found++;
            }
        }
        if (found == 0) {
            refuse("no value at any of the profile's JSON paths");
        }
    }

    /** A JSON number (beyond a double's range it becomes an infinity), or a string holding one; anything else is no value. */
    private static OptionalDouble number(JsonNode v) {
        if (v.isNumber()) {
            return OptionalDouble.of(v.asDouble());
        }
        return v.isTextual() ? NumberText.parse(v.asText()) : OptionalDouble.empty();
    }

    private void refuse(String why) {
        malformed++;
        long now = System.currentTimeMillis();
        if (now - lastLog > 60_000) {
            lastLog = now;
            LOG.warn("mqtt-json {} on {}: message refused ({}); {} refused so far", deviceId, conn.topic(), why, malformed);
        }
    }

    public long malformed() {
        return malformed;
    }

    /** Successful connects (each with its subscription) since start: 1 while the first connection holds. */
    public long connects() {
        return connects;
    }

    @Override
    public String describe() {
        long unusable = readings.unusableCount();
        return state + ", " + messages + " messages" + (malformed > 0 ? ", " + malformed + " refused" : "")
                + (unusable > 0 ? ", " + unusable + " unusable values" : "");
    }

    /**
     * Stops and joins the supervisor, then ends the connection (or a connect still in flight) and
     * Paho's threads with it. A connect that began less than two seconds ago is first given the
     * rest of them to finish: Paho 1.2.5 starts its reader, writer and callback threads one after
     * the other, each start polling every 100 ms until its thread runs, and a connection cut
     * inside that window leaves the polling thread ("MQTT Con") spinning forever. A connect to a
     * reachable broker takes milliseconds; one to a broker that never answers is cut after them.
     */
    @Override
    public void close() {
        IMqttToken inFlight;
        long began;
        synchronized (lock) {
            closed = true;
            inFlight = connecting;
            began = connectBegan;
            lock.notifyAll();
        }
        if (inFlight != null) {
            long left = (CONNECT_GRACE_NANOS - (System.nanoTime() - began)) / 1_000_000;
            if (left > 0) {
                try {
                    inFlight.waitForCompletion(left);
                } catch (MqttException e) {
                    LOG.debug("mqtt-json {}: connect in flight at close: {}", deviceId, e.getMessage());
                }
            }
        }
        Thread s = supervisor;
        if (s != null) {
            s.interrupt(); // cuts short a wait on a Paho token
            try {
                s.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (s.isAlive()) {
                LOG.warn("mqtt-json {}: supervisor thread did not stop within 30 s", deviceId);
            }
        }
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            LOG.debug("mqtt-json {} disconnect: {}", deviceId, e.getMessage());
        }
        abort(c);
        try {
            c.close(true);
        } catch (MqttException e) {
            LOG.warn("mqtt-json {}: cannot close the MQTT client: {}", deviceId, e.getMessage());
        }
        state = "closed";
    }

    /** Paho's callbacks, on its callback thread: they hand over or flip state, never block, never throw. */
    private final class Callbacks extends MqttCallbackAdapter {

        private final ReadingSink sink;

        Callbacks(ReadingSink sink) {
            this.sink = sink;
        }

        @Override
        public void messageArrived(String topic, MqttMessage m) {
            try {
                handle(m.getPayload(), sink);
            } catch (RuntimeException e) {
                refuse("error: " + e);
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {
            if (!closed) {
                state = "disconnected from " + conn.broker() + "; reconnecting";
            }
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }
}
