package gridwatch.gateway.uplink.mqtt;

import gridwatch.config.model.UplinkConfig;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * The MQTT 5 session with the operations center. A supervisor thread connects, and reconnects
 * with backoff (1 s doubling to 30 s) for as long as the gateway runs, including when the broker
 * is down at start-up. The session is persistent (clean start off, session expiry from config).
 * On connect it publishes a retained {@code online} status; the last will publishes a retained
 * {@code offline} status when the connection dies without a goodbye.
 *
 * <p>Paho callbacks run on Paho's threads and only flip state and wake the supervisor.
 */
public final class MqttUplink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttUplink.class);

    private final UplinkConfig cfg;
    private final Topics topics;
    private final Clock clock;
    private final MqttAsyncClient client;
    private final Object lock = new Object();
    private final Thread supervisor;
    private volatile UplinkState state;
    private volatile boolean running = true;
    private volatile long epoch;
    private volatile int window;

    public MqttUplink(UplinkConfig cfg, String gatewayId, Clock clock) {
        this.cfg = cfg;
        this.topics = new Topics(cfg.topicRoot(), gatewayId);
        this.clock = clock;
        String clientId = cfg.clientId() != null ? cfg.clientId() : gatewayId;
        try {
            client = new MqttAsyncClient(cfg.pahoUri(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("bad broker URL " + cfg.broker() + ": " + e.getMessage(), e);
        }
        client.setCallback(new Callbacks());
        state = new UplinkState(UplinkState.Phase.CONNECTING, cfg.broker(), clock.instant(), null, 0);
        supervisor = Thread.ofPlatform().name("mqtt-uplink").daemon(true).unstarted(this::supervise);
    }

    public void start() {
        supervisor.start();
    }

    public Topics topics() {
        return topics;
    }

    public UplinkState state() {
        return state;
    }

    public boolean connected() {
        return state.phase() == UplinkState.Phase.CONNECTED && client.isConnected();
    }

    /** Increments on every successful connect; a publisher that sees it change rewinds. */
    public long epoch() {
        return epoch;
    }

    /** Publishes the broker accepts unacknowledged at once on this connection. */
    public int window() {
        return window;
    }

    /** Blocks until connected or the timeout passes; returns whether connected. */
    public boolean awaitConnected(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            while (!connected() && running) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
        }
        return connected();
    }

    /** QoS 1 publish; {@code listener} runs on a Paho thread when the broker acknowledges. */
    public void publish(String topic, byte[] payload, MqttActionListener listener) throws MqttException {
        MqttMessage m = new MqttMessage(payload, 1, false, contentType("application/cloudevents+json; charset=UTF-8"));
        client.publish(topic, m, null, listener);
    }

    private void supervise() {
        long backoff = 1000;
        while (running) {
            if (connected()) {
                synchronized (lock) {
                    try {
                        lock.wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            try {
                IMqttToken t = client.connect(options());
                t.waitForCompletion(15_000);
                Integer serverMax = t.getResponseProperties() == null ? null : t.getResponseProperties().getReceiveMaximum();
                window = Math.max(1, Math.min(cfg.maxInflight(), serverMax == null ? 65_535 : serverMax));
                client.publish(topics.status(), statusMessage("online"));
                synchronized (lock) {
                    epoch++;
                    state = new UplinkState(UplinkState.Phase.CONNECTED, cfg.broker(), clock.instant(), null, state.connects() + 1);
                    lock.notifyAll();
                }
                LOG.info("uplink connected to {} (window {}, session {})", cfg.broker(), window,
                        t.getSessionPresent() ? "resumed" : "new");
                backoff = 1000;
            } catch (MqttException | RuntimeException e) {
                String why = e.getMessage() + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "");
                if (state.lastError() == null || !state.lastError().equals(why)) {
                    LOG.warn("uplink to {} unavailable: {}; alerts stay in the outbox, retrying", cfg.broker(), why);
                }
                state = new UplinkState(UplinkState.Phase.CONNECTING, cfg.broker(), state.since(), why, state.connects());
                sleepQuietly(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(cfg.sessionExpirySeconds());
        o.setKeepAliveInterval(cfg.keepAliveSeconds());
        o.setConnectionTimeout(10);
        o.setAutomaticReconnect(false);
        o.setWill(topics.status(), statusMessage("offline"));
        if (cfg.username() != null) {
            o.setUserName(cfg.username());
        }
        if (cfg.password() != null) {
            o.setPassword(new String(cfg.password().reveal()).getBytes(StandardCharsets.UTF_8));
        }
        if (cfg.tls() != null) {
            o.setSocketFactory(TlsSockets.factory(cfg.tls()));
        }
        return o;
    }

    private MqttMessage statusMessage(String s) {
        String json = "{\"gatewayId\":\"" + topics.gatewayId() + "\",\"state\":\"" + s + "\",\"at\":\"" + Instant.now(clock) + "\"}";
        return new MqttMessage(json.getBytes(StandardCharsets.UTF_8), 1, true, contentType("application/json"));
    }

    private static MqttProperties contentType(String type) {
        MqttProperties p = new MqttProperties();
        p.setContentType(type);
        return p;
    }

    private void sleepQuietly(long millis) {
        synchronized (lock) {
            try {
                lock.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private void lost(String why) {
        synchronized (lock) {
            if (state.phase() == UplinkState.Phase.CONNECTED && running) {
                LOG.warn("uplink to {} lost: {}; reconnecting, alerts stay in the outbox", cfg.broker(), why);
            }
            state = new UplinkState(running ? UplinkState.Phase.CONNECTING : UplinkState.Phase.CLOSED, cfg.broker(),
                    clock.instant(), why, state.connects());
            lock.notifyAll();
        }
    }

    /** Says goodbye: a retained offline status, then a clean disconnect (the will is not sent). */
    @Override
    public void close() {
        running = false;
        try {
            if (client.isConnected()) {
                client.publish(topics.status(), statusMessage("offline")).waitForCompletion(3000);
                client.disconnect(3000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            LOG.debug("disconnect: {}", e.getMessage());
        }
        lost("closed");
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close: {}", e.getMessage());
        }
        supervisor.interrupt();
    }

    /**
     * Runs on Paho's callback thread: records the loss and wakes the supervisor, nothing more.
     * The gateway subscribes to nothing yet (commands from the center are future work), and
     * acknowledgements are handled per publish by the outbox publisher's listener.
     */
    private final class Callbacks extends MqttCallbackAdapter {
        @Override
        public void disconnected(MqttDisconnectResponse r) {
            lost(r.getReasonString() != null ? r.getReasonString() : String.valueOf(r.getException()));
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            LOG.warn("uplink protocol error: {}", e.getMessage());
        }
    }
}
