package gridwatch.gateway.uplink.mqtt;

import org.jspecify.annotations.Nullable;

import gridwatch.config.model.UplinkConfig;
import gridwatch.gateway.alert.outbox.OutboxEntry;
import gridwatch.gateway.net.mqtt.MqttCallbackAdapter;
import org.eclipse.paho.mqttv5.client.IMqttToken;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MQTT 5 connection to the operations center. A supervisor thread connects, and reconnects
 * with backoff (1 s doubling to 10 s, so delivery resumes within about 10 s of the broker's return) for as long as the gateway runs, including when the broker
 * is down at start-up. Each connection gets a new Paho client and a new {@link UplinkSession}:
 * the broker-side session is persistent (clean start off, session expiry from config, so what the
 * center sends while the box is away waits for it), but Paho's own in-flight state is never
 * carried over, because the outbox alone owns what is unacknowledged and resends it after every
 * connect (docs/delivery.md). On connect it publishes a retained {@code online} status through the
 * session's window; the last will publishes a retained {@code offline} status when the connection
 * dies without a goodbye. Both carry the connection's session number ({@link GatewayStatus}).
 *
 * <p>Two-way: {@link #route} registers a topic filter for messages from the center before
 * {@link #start()}; every connection subscribes to all of them again (a broker that lost its
 * session, or a new one, still delivers), and what arrives is handed off Paho's thread to the
 * {@link InboundRouter}'s own thread.
 *
 * <p>Paho callbacks run on Paho's threads and only flip state, wake the supervisor, or enqueue.
 */
public final class MqttUplink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttUplink.class);
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final UplinkConfig cfg;
    private final Topics topics;
    private final GatewayStatus status;
    private final Clock clock;
    private final String clientId;
    private final Object lock = new Object();
    private final Thread supervisor;
    private final InboundRouter inbound = new InboundRouter();
    private final AlertMessages messages;
    private volatile UplinkState state;
    private volatile boolean running = true;
    private volatile @Nullable UplinkSession session;
    private long epoch;
    /** Connection attempts so far (supervisor thread); the status session numbers count them. */
    private long attempts;
    /** The status session of the connection in {@link #session}. */
    private volatile long currentSession;

    /** No I/O: the first connection attempt is made by {@link #start()}. Status sessions as for boot 0. */
    public MqttUplink(UplinkConfig cfg, String gatewayId, Clock clock) {
        this(cfg, gatewayId, clock, 0);
    }

    /**
     * No I/O: the first connection attempt is made by {@link #start()}.
     *
     * @param boot this start's number (the outbox counts them), so status session numbers keep rising across restarts
     */
    public MqttUplink(UplinkConfig cfg, String gatewayId, Clock clock, long boot) {
        this.cfg = cfg;
        this.topics = new Topics(cfg.topicRoot(), gatewayId);
        this.status = new GatewayStatus(gatewayId, boot);
        this.clock = clock;
        this.clientId = cfg.clientId() != null ? cfg.clientId() : gatewayId;
        this.messages = new AlertMessages(cfg.messageExpirySeconds());
        state = new UplinkState(UplinkState.Phase.CONNECTING, cfg.broker(), clock.instant(), null, 0);
        supervisor = Thread.ofPlatform().name("mqtt-uplink").daemon(true).unstarted(this::supervise);
    }

    public void start() {
        inbound.start();
        supervisor.start();
    }

    /**
     * Messages from the center on {@code topicFilter} go to {@code handler} (see {@link InboundHandler}
     * for its thread). Call before {@link #start()}; the first matching route wins.
     */
    public void route(String topicFilter, int qos, InboundHandler handler) {
        inbound.add(new InboundRouter.Route(topicFilter, qos, handler));
    }

    /** Messages received from the center, and of those: dropped on overflow, failed in a handler, matching no route. */
    public long[] inboundCounts() {
        return new long[] {inbound.received(), inbound.dropped(), inbound.failed(), inbound.unrouted()};
    }

    public Topics topics() {
        return topics;
    }

    public UplinkState state() {
        return state;
    }

    public boolean connected() {
        UplinkSession s = session;
        return s != null && s.open();
    }

    /** Blocks until connected or the timeout passes; returns whether connected. */
    public boolean awaitConnected(long timeoutMillis) throws InterruptedException {
        return awaitSession(timeoutMillis) != null;
    }

    /** Blocks until a connection is up or the timeout passes; returns it, or null. */
    public @Nullable UplinkSession awaitSession(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            while (running) {
                UplinkSession s = session;
                if (s != null && s.open()) {
                    return s;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                lock.wait(left);
            }
        }
        return null;
    }

    /** An outbox row as the center receives it ({@link AlertMessages}). Any thread. */
    public MqttMessage alertMessage(OutboxEntry e) {
        return messages.of(e);
    }

    private void supervise() {
        long backoff = 1000;
        while (running) {
            UplinkSession current = session;
            if (current != null && current.open()) {
                synchronized (lock) {
                    try {
                        lock.wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            discard(current);
            try {
                connectOnce();
                backoff = 1000;
            } catch (MqttException | RuntimeException e) {
                String why = e.getMessage() + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "");
                if (state.lastError() == null || !state.lastError().equals(why)) {
                    LOG.warn("uplink to {} unavailable: {}; alerts stay in the outbox, retrying", cfg.broker(), why);
                }
                state = new UplinkState(UplinkState.Phase.CONNECTING, cfg.broker(), state.since(), why, state.connects());
                if (!sleepQuietly(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
        discard(session);
    }

    /** One attempt: a fresh client (no in-flight state of Paho's own), CONNECT, then the online status through the window. */
    private void connectOnce() throws MqttException, InterruptedException {
        MqttAsyncClient client = new MqttAsyncClient(cfg.pahoUri(), clientId, new MemoryPersistence());
        long statusSession = status.session(++attempts);
        try {
            client.setCallback(new Callbacks(client));
            IMqttToken t = client.connect(options(statusSession));
            t.waitForCompletion(15_000);
            Integer serverMax = t.getResponseProperties() == null ? null : t.getResponseProperties().getReceiveMaximum();
            int window = Math.max(1, Math.min(cfg.maxInflight(), serverMax == null ? 65_535 : serverMax));
            subscribeRoutes(client);
            UplinkSession s;
            synchronized (lock) {
                s = new UplinkSession(++epoch, client, window);
            }
            if (!s.acquire(5_000)) {
                throw new IllegalStateException("no in-flight slot for the online status within 5 s");
            }
            s.publish(topics.status(), status.online(statusSession, clock.instant()), outcome -> { });
            synchronized (lock) {
                session = s;
                currentSession = statusSession;
                state = new UplinkState(UplinkState.Phase.CONNECTED, cfg.broker(), clock.instant(), null, state.connects() + 1);
                lock.notifyAll();
            }
            LOG.info("uplink connected to {} (window {}, broker session {})", cfg.broker(), window,
                    t.getSessionPresent() ? "resumed" : "new");
        } catch (MqttException | RuntimeException | InterruptedException e) {
            closeQuietly(client);
            throw e;
        }
    }

    /** Subscribes to every route on this connection; a refused subscription fails the connect and is retried. */
    private void subscribeRoutes(MqttAsyncClient client) throws MqttException {
        List<InboundRouter.Route> routes = inbound.routes();
        if (routes.isEmpty()) {
            return;
        }
        String[] filters = routes.stream().map(InboundRouter.Route::filter).toArray(String[]::new);
        int[] qos = routes.stream().mapToInt(InboundRouter.Route::qos).toArray();
        IMqttToken t = client.subscribe(filters, qos);
        t.waitForCompletion(10_000);
        int[] granted = t.getReasonCodes();
        for (int i = 0; granted != null && i < granted.length; i++) {
            if (granted[i] >= 0x80) {
                throw new IllegalStateException("broker refused the subscription to " + filters[Math.min(i, filters.length - 1)]
                        + ": " + PubackReasons.describe(granted[i]));
            }
        }
    }

    private void discard(@Nullable UplinkSession s) {
        if (s == null) {
            return;
        }
        s.markClosed();
        synchronized (lock) {
            if (session == s) {
                session = null;
            }
        }
        closeQuietly(s.client());
    }

    private static void closeQuietly(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000, false);
            }
        } catch (MqttException e) {
            LOG.debug("disconnect: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }

    private MqttConnectionOptions options(long statusSession) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(cfg.sessionExpirySeconds());
        o.setKeepAliveInterval(cfg.keepAliveSeconds());
        o.setConnectionTimeout(10);
        o.setAutomaticReconnect(false);
        o.setWill(topics.status(), status.will(statusSession));
        o.setWillMessageProperties(GatewayStatus.willProperties());
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

    /** Waits out a backoff (woken early by close); false when interrupted. */
    private boolean sleepQuietly(long millis) {
        synchronized (lock) {
            try {
                lock.wait(millis);
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        }
    }

    private void lost(MqttAsyncClient client, String why) {
        synchronized (lock) {
            UplinkSession s = session;
            if (s == null || s.client() != client) {
                return;   // a client already replaced: its late news changes nothing
            }
            s.markClosed();
            if (running) {
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
        UplinkSession s = session;
        if (s != null && s.open()) {
            try {
                if (s.acquire(3000)) {
                    s.client().publish(topics.status(), status.offline(currentSession, clock.instant())).waitForCompletion(3000);
                    s.release();
                }
                s.client().disconnect(3000).waitForCompletion(3000);
            } catch (MqttException e) {
                LOG.debug("disconnect: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            state = new UplinkState(UplinkState.Phase.CLOSED, cfg.broker(), clock.instant(), "closed", state.connects());
            lock.notifyAll();
        }
        supervisor.interrupt();
        try {
            supervisor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        discard(s);
        inbound.close();
    }

    /**
     * Runs on Paho's callback thread: records the loss and wakes the supervisor, nothing more.
     * Acknowledgements are handled per publish by the session's slot listener.
     */
    private final class Callbacks extends MqttCallbackAdapter {
        private final MqttAsyncClient client;

        Callbacks(MqttAsyncClient client) {
            this.client = client;
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {
            lost(client, r.getReasonString() != null ? r.getReasonString() : String.valueOf(r.getException()));
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            LOG.warn("uplink protocol error: {}", e.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage m) {
            MqttProperties p = m.getProperties();
            Map<String, String> user = new LinkedHashMap<>();
            if (p != null && p.getUserProperties() != null) {
                p.getUserProperties().forEach(u -> user.put(u.getKey(), u.getValue()));
            }
            inbound.offer(new InboundMessage(topic, m.getPayload().clone(), p == null ? null : p.getContentType(),
                    p == null ? null : p.getResponseTopic(), p == null ? null : p.getCorrelationData(), Map.copyOf(user), clock.instant()));
        }
    }
}
