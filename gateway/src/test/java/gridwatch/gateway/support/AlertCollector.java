package gridwatch.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import gridwatch.gateway.net.mqtt.MqttCallbackAdapter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An independent subscriber, as the center's case intake would be: its own MQTT 5 connection
 * with a persistent session (QoS 1, clean start off) and automatic reconnect, so it misses
 * nothing across a broker restart.
 */
public final class AlertCollector implements AutoCloseable {

    private final MqttClient client;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Map<String, String> retained = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    public AlertCollector(String brokerUrl, String topicFilter) throws MqttException {
        client = new MqttClient(brokerUrl, "collector-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage m) throws IOException {
                if (topic.endsWith("/status")) {
                    retained.put(topic, new String(m.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                    return;
                }
                JsonNode n = json.readTree(m.getPayload());
                ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("_topic", topic);
                events.add(n);
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(3600L);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 2);
        client.connect(o);
        client.subscribe(topicFilter, 1);
    }

    public List<JsonNode> events() {
        return new ArrayList<>(events);
    }

    /** Distinct CloudEvents ids received. */
    public List<String> ids() {
        return events.stream().map(e -> e.get("id").asText()).distinct().toList();
    }

    /**
     * Waits until every id in {@code produced} has arrived, printing {@code state} (the gateway's uplink
     * and outbox, say) every 10 s so a slow or stuck delivery shows where it stands; fails after {@code limit}.
     */
    public void awaitAll(java.util.Collection<String> produced, java.time.Duration limit, java.util.function.Supplier<String> state) {
        org.awaitility.Awaitility.await().atMost(limit)
                .conditionEvaluationListener(c -> {
                    if (c.getElapsedTimeInMS() % 10_000 < 120) {
                        System.err.println("waiting: received " + ids().size() + "/" + produced.size() + ", " + state.get());
                    }
                })
                .until(() -> ids().containsAll(produced));
    }

    public boolean connected() {
        return client.isConnected();
    }

    public String status(String topic) {
        return retained.get(topic);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
