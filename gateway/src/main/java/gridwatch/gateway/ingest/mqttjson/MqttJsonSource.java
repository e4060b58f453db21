package gridwatch.gateway.ingest.mqttjson;

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
import gridwatch.gateway.uplink.mqtt.MqttCallbackAdapter;
import gridwatch.profiles.DeviceProfile;
import gridwatch.profiles.DeviceResource;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
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
 * message are unaffected. The observation time comes from {@code timePath} when configured. Paho
 * reconnects on its own and the subscription is renewed on every connect. A message that is not
 * JSON, or lacks every value, is counted and logged (at most once a minute); nothing is ever
 * thrown back into Paho's thread, which would cost the connection.
 */
public final class MqttJsonSource implements Source {

    private static final Logger LOG = LoggerFactory.getLogger(MqttJsonSource.class);

    private record Point(DeviceResource resource, JsonPointer pointer) {
    }

    private final String deviceId;
    private final MqttJsonConnection conn;
    private final List<Point> points = new ArrayList<>();
    private final JsonPointer timePointer;
    private final Clock clock;
    private final ProfileReadings readings;
    private final ObjectMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private MqttAsyncClient client;
    private volatile long messages;
    private volatile long malformed;
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
        try {
            client = new MqttAsyncClient(conn.pahoUri(), "gridwatch-in-" + deviceId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("bad broker " + conn.broker() + ": " + e.getMessage(), e);
        }
        client.setCallback(new MqttCallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage m) {
                try {
                    handle(m.getPayload(), sink);
                } catch (RuntimeException e) {
                    refuse("error: " + e);
                }
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
                try {
                    client.subscribe(conn.topic(), 1);
                    state = "subscribed to " + conn.topic() + " on " + conn.broker() + ", " + messages + " messages";
                } catch (MqttException e) {
                    state = "subscribe failed: " + e.getMessage();
                }
            }

            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {
                state = "disconnected from " + conn.broker() + "; reconnecting";
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 30);
        o.setCleanStart(true);
        if (conn.username() != null) {
            o.setUserName(conn.username());
        }
        if (conn.password() != null) {
            o.setPassword(new String(conn.password().reveal()).getBytes(StandardCharsets.UTF_8));
        }
        Thread.ofVirtual().name("mqtt-json-" + deviceId).start(() -> connectUntilUp(o));
    }

    /** Paho's automatic reconnect covers later losses; the first connect is retried here. */
    private void connectUntilUp(MqttConnectionOptions o) {
        long backoff = 1000;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                client.connect(o).waitForCompletion(10_000);
                return;
            } catch (MqttException e) {
                state = "cannot reach " + conn.broker() + ": " + e.getMessage();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    /** Runs on Paho's thread: parse, enqueue (non-blocking), never throw. */
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

    @Override
    public String describe() {
        long unusable = readings.unusableCount();
        return state + (malformed > 0 ? ", " + malformed + " refused" : "") + (unusable > 0 ? ", " + unusable + " unusable values" : "");
    }

    @Override
    public void close() {
        try {
            if (client != null) {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(2000);
                }
                client.close(true);
            }
        } catch (MqttException e) {
            LOG.debug("mqtt-json close: {}", e.getMessage());
        }
    }
}
