package gridwatch.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.gateway.net.mqtt.MqttCallbackAdapter;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An independent MQTT 5 subscriber that keeps every message as it arrived: topic, bytes, retain flag and the MQTT 5
 * properties a consumer or bridge sees (content type, payload format indicator, user properties, message expiry), for
 * contract checks on the wire.
 * Its own connection, QoS 1; Paho's callback thread only appends.
 */
public final class WireCapture implements AutoCloseable {

    /**
     * One message as received.
     *
     * @param userProperties its MQTT 5 user properties, in order (a name may repeat)
     * @param messageExpiry  the message expiry interval left when it arrived, s, or null when it has none
     */
    public record Received(String topic, byte[] payload, boolean retained, @Nullable String contentType, @Nullable Boolean utf8,
                           List<Map.Entry<String, String>> userProperties, @Nullable Long messageExpiry) {

        /** The value of the user property {@code name}, when it has exactly one. */
        public Optional<String> userProperty(String name) {
            List<String> values = userProperties.stream().filter(u -> u.getKey().equals(name)).map(Map.Entry::getValue).toList();
            return values.size() == 1 ? Optional.of(values.getFirst()) : Optional.empty();
        }

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(payload);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON on " + topic + ": " + new String(payload, StandardCharsets.UTF_8), e);
            }
        }
    }

    private final MqttClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public WireCapture(String brokerUrl, String... topicFilters) throws MqttException {
        client = new MqttClient(brokerUrl, "wire-capture-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage m) {
                MqttProperties p = m.getProperties();
                List<Map.Entry<String, String>> user = p == null || p.getUserProperties() == null ? List.of()
                        : p.getUserProperties().stream().map(u -> Map.entry(u.getKey(), u.getValue())).toList();
                received.add(new Received(topic, m.getPayload(), m.isRetained(), p == null ? null : p.getContentType(),
                        p == null ? null : p.getPayloadFormat(), user, p == null ? null : p.getMessageExpiryInterval()));
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(true);
        client.connect(o);
        for (String f : topicFilters) {
            client.subscribe(f, 1);
        }
    }

    public List<Received> all() {
        return new ArrayList<>(received);
    }

    public List<Received> on(String topicPrefix) {
        return received.stream().filter(r -> r.topic().startsWith(topicPrefix)).toList();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
