package gridwatch.gateway.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * The center's case intake, independent of the gateway: its own MQTT 5 client with a persistent
 * session (clean start off, QoS 1), reconnecting every one to two seconds while the broker is
 * away. It records every arrival by CloudEvents {@code id} and when it came, counts redeliveries,
 * and checks a redelivered id carries the same bytes as its first delivery (a redelivery, not a
 * second alert under the same id).
 */
final class ChaosSubscriber implements AutoCloseable {

    /** One delivery; {@code firstOfId} is false for a duplicate. */
    record Arrival(long nanos, String id, boolean firstOfId) {
    }

    private record Seen(long crc, int length) {
    }

    private final MqttAsyncClient client;
    private final String topicFilter;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Set<String> differentBytes = ConcurrentHashMap.newKeySet();
    private final AtomicLong total = new AtomicLong();

    ChaosSubscriber(String brokerUrl, String topicFilter) throws MqttException {
        this.topicFilter = topicFilter;
        client = new MqttAsyncClient(brokerUrl, "chaos-center-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new Callbacks());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(3600L);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 2);
        o.setKeepAliveInterval(10);
        o.setReceiveMaximum(1000);
        client.connect(o).waitForCompletion(15_000);
        client.subscribe(topicFilter, 1).waitForCompletion(15_000);
    }

    /** Distinct ids received. */
    Set<String> ids() {
        return new HashSet<>(seen.keySet());
    }

    boolean hasAll(Iterable<String> ids) {
        for (String id : ids) {
            if (!seen.containsKey(id)) {
                return false;
            }
        }
        return true;
    }

    /** When the last delivery came (System.nanoTime), or 0 before the first. */
    synchronized long lastArrivalNanos() {
        return arrivals.isEmpty() ? 0 : arrivals.getLast().nanos();
    }

    /** Deliveries beyond the first of each id. */
    long duplicates() {
        return total.get() - seen.size();
    }

    /** Ids delivered again with different bytes than the first time. */
    Set<String> redeliveredWithDifferentBytes() {
        return Set.copyOf(differentBytes);
    }

    /** Nanos from {@code sinceNanos} to the first arrival of an id not seen before, or -1 if none yet. */
    synchronized long firstNewAfter(long sinceNanos) {
        for (int i = arrivals.size() - 1; i >= 0; i--) {
            if (arrivals.get(i).nanos() < sinceNanos) {
                for (int j = i + 1; j < arrivals.size(); j++) {
                    if (arrivals.get(j).firstOfId()) {
                        return arrivals.get(j).nanos() - sinceNanos;
                    }
                }
                return -1;
            }
        }
        for (Arrival a : arrivals) {
            if (a.firstOfId()) {
                return a.nanos() - sinceNanos;
            }
        }
        return -1;
    }

    /** The longest stretch without a new id between {@code fromNanos} and {@code toNanos}. */
    synchronized long longestGapNanos(long fromNanos, long toNanos) {
        long last = fromNanos;
        long gap = 0;
        for (Arrival a : arrivals) {
            if (a.firstOfId() && a.nanos() > fromNanos && a.nanos() <= toNanos) {
                gap = Math.max(gap, a.nanos() - last);
                last = a.nanos();
            }
        }
        return Math.max(gap, toNanos - last);
    }

    private synchronized void record(String id, byte[] payload) {
        long now = System.nanoTime();
        CRC32 crc = new CRC32();
        crc.update(payload);
        Seen s = new Seen(crc.getValue(), payload.length);
        Seen before = seen.putIfAbsent(id, s);
        if (before != null && !before.equals(s)) {
            differentBytes.add(id);
        }
        arrivals.add(new Arrival(now, id, before == null));
        total.incrementAndGet();
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5000);
            }
        } finally {
            client.close(true);
        }
    }

    /**
     * Paho's callback thread: nothing here blocks. {@code messageArrived} returning is what lets
     * Paho send the PUBACK, so an alert counts as received only once it is recorded.
     */
    private final class Callbacks implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage m) throws IOException {
            record(json.readTree(m.getPayload()).get("id").asText(), m.getPayload());
        }

        /** Re-subscribes (without waiting) after every reconnect, in case a broker killed before its autosave forgot the session. */
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                try {
                    client.subscribe(topicFilter, 1);
                } catch (MqttException e) {
                    // the next reconnect tries again
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
