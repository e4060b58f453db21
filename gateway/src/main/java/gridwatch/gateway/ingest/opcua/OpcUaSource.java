package gridwatch.gateway.ingest.opcua;

import org.jspecify.annotations.Nullable;

import gridwatch.config.model.OpcUaConnection;
import gridwatch.detectors.core.Quality;
import gridwatch.gateway.ingest.ProfileReadings;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.UnusableValues;
import gridwatch.profiles.DeviceProfile;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * Readings from a PLC or SCADA server over OPC UA: one subscription with a monitored item per
 * profile node, so the server pushes changes instead of being polled.
 *
 * <p>Failure handling, from the outside in: the first connect (discovery + session) is retried
 * here with backoff, because a pumping station's PLC may be down when the gateway boots. Once
 * connected, Milo's session machine reconnects a lost channel and re-activates or re-creates the
 * session by itself, and tries to transfer the subscription. When the server has restarted, the
 * transfer fails (the subscription died with it) and the subscription is rebuilt here from the
 * profile, on a supervisor thread rather than Milo's callback thread.
 *
 * <p>A value the server marks Bad is passed on as a BAD reading (kept for the record, never
 * alerted on), Uncertain as UNCERTAIN, and so is a value that is not a usable number (a NaN the
 * PLC calls Good is still BAD); a node the server does not know is reported in
 * {@link #describe()} and the log, and the other nodes keep working.
 */
public final class OpcUaSource implements Source {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaSource.class);

    private final String deviceId;
    private final OpcUaConnection conn;
    private final List<OpcUaNode> nodes;
    private final Clock clock;
    private final ProfileReadings readings;
    /** Released when the subscription must be (re)built: after connecting, or a failed transfer. */
    private final Semaphore rebuild = new Semaphore(0);
    private volatile boolean closed;
    private volatile @Nullable OpcUaClient client;
    private volatile @Nullable OpcUaSubscription subscription;
    private volatile String state = "connecting";
    private volatile String nodeProblems = "";
    private volatile long values;
    private volatile long badValues;
    private volatile long rebuilds;
    private @Nullable Thread supervisor;

    /** Unusable values are logged and shown in {@link #describe()}, not counted in a metric: the gateway passes its counter. */
    public OpcUaSource(String deviceId, OpcUaConnection conn, DeviceProfile profile, Clock clock) {
        this(deviceId, conn, profile, clock, (device, reason) -> { });
    }

    public OpcUaSource(String deviceId, OpcUaConnection conn, DeviceProfile profile, Clock clock, UnusableValues.Counter unusable) {
        this.deviceId = deviceId;
        this.readings = new ProfileReadings(new UnusableValues(unusable));
        this.conn = conn;
        this.nodes = OpcUaNode.of(profile);
        this.clock = clock;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public void start(ReadingSink sink) {
        supervisor = Thread.ofVirtual().name("opcua-" + deviceId).start(() -> supervise(sink));
    }

    private void supervise(ReadingSink sink) {
        long backoff = 500;
        while (!closed && client == null) {
            try {
                client = connect();
                backoff = 500;
            } catch (Exception e) {
                state = "cannot reach " + conn.endpoint() + ": " + reason(e) + "; retrying";
                LOG.debug("opcua {}: connect failed: {}", deviceId, reason(e));
                if (!sleep(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
        OpcUaClient connected = client;
        if (connected == null) {
            return; // closed before the first connect
        }
        rebuild.release();
        while (!closed) {
            try {
                if (!rebuild.tryAcquire(1, TimeUnit.SECONDS)) {
                    continue;
                }
                rebuild.drainPermits();
                subscribe(connected, sink);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                state = "subscription failed: " + reason(e) + "; retrying";
                LOG.warn("opcua {}: cannot subscribe on {}: {}", deviceId, conn.endpoint(), reason(e));
                if (!sleep(2000)) {
                    return;
                }
                rebuild.release();
            }
        }
    }

    private OpcUaClient connect() throws UaException {
        URI configured = URI.create(conn.endpoint());
        OpcUaClient c = OpcUaClient.create(conn.endpoint(),
                // Servers often advertise a hostname the box cannot resolve; keep the configured one.
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                        .filter(e -> e.getSecurityMode() == MessageSecurityMode.None)
                        .findFirst()
                        .map(e -> EndpointUtil.updateUrl(e, configured.getHost(), configured.getPort())),
                transport -> transport.setConnectTimeout(uint(conn.timeoutMillis())),
                b -> b.setApplicationName(org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText.english("GridWatch Edge"))
                        .setApplicationUri("urn:gridwatch:edge:" + deviceId)
                        .setRequestTimeout(uint(conn.timeoutMillis()))
                        .setIdentityProvider(conn.username() == null ? new AnonymousProvider()
                                // the schema requires a password with a username
                                : new UsernameProvider(conn.username(), new String(Objects.requireNonNull(conn.password()).reveal()))));
        c.addSessionActivityListener(new SessionActivityListener() {
            @Override
            public void onSessionActive(UaSession session) {
                state = "connected to " + conn.endpoint();
            }

            @Override
            public void onSessionInactive(UaSession session) {
                state = "session lost on " + conn.endpoint() + "; reconnecting";
            }
        });
        c.connect();
        return c;
    }

    private void subscribe(OpcUaClient client, ReadingSink sink) throws UaException {
        OpcUaSubscription old = subscription;
        if (old != null) {
            client.removeSubscription(old);
        }
        OpcUaSubscription sub = new OpcUaSubscription(client, (double) conn.publishingMs());
        sub.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
                LOG.info("opcua {}: subscription not transferred to the new session ({}); rebuilding", deviceId, status);
                rebuild.release();
            }

            @Override
            public void onWatchdogTimerElapsed(OpcUaSubscription s) {
                state = "no publish from " + conn.endpoint() + " within the keep-alive; waiting";
            }
        });
        sub.create();
        var namespaces = client.readNamespaceTable();
        List<String> problems = new ArrayList<>();
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (OpcUaNode node : nodes) {
            NodeId id;
            try {
                id = node.nodeId().startsWith("nsu=")
                        ? ExpandedNodeId.parse(node.nodeId()).toNodeIdOrThrow(namespaces)
                        : NodeId.parse(node.nodeId());
            } catch (Exception e) {
                problems.add(node.nodeId() + ": " + reason(e));
                continue;
            }
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(id);
            item.setSamplingInterval(node.samplingMs());
            item.setQueueSize(uint(10));
            item.setDataValueListener((i, v) -> deliver(node, v, sink));
            items.add(item);
        }
        sub.addMonitoredItems(items);
        sub.createMonitoredItems();
        for (OpcUaMonitoredItem item : items) {
            StatusCode result = item.getCreateResult().orElse(StatusCode.BAD);
            if (!result.isGood()) {
                problems.add(item.getReadValueId().getNodeId().toParseableString() + ": " + result);
            }
        }
        subscription = sub;
        rebuilds++;
        nodeProblems = problems.isEmpty() ? "" : "; refused nodes " + problems;
        if (!problems.isEmpty()) {
            LOG.warn("opcua {}: the server refused {} of {} profile nodes: {}", deviceId, problems.size(), nodes.size(), problems);
        }
        state = "subscribed to " + (items.size() - problems.size()) + " nodes on " + conn.endpoint();
    }

    /** Runs on Milo's delivery queue: convert, enqueue (non-blocking), never throw. */
    private void deliver(OpcUaNode node, DataValue v, ReadingSink sink) {
        try {
            Object raw = v.getValue().getValue();
            if (!(raw instanceof Number n)) {
                badValues++;
                return;
            }
            values++;
            StatusCode s = v.getStatusCode() == null ? StatusCode.GOOD : v.getStatusCode();
            Quality q = s.isGood() ? Quality.GOOD : s.isUncertain() ? Quality.UNCERTAIN : Quality.BAD;
            if (q == Quality.BAD) {
                badValues++;
            }
            sink.accept(readings.of(deviceId, node.resource().name(), node.resource().properties(), n.doubleValue(), observedAt(v), q));
        } catch (RuntimeException e) {
            badValues++;
            LOG.debug("opcua {}: value of {} refused: {}", deviceId, node.nodeId(), e.getMessage());
        }
    }

    /** The PLC's own source timestamp when it sends one, else the server's, else arrival. */
    private Instant observedAt(DataValue v) {
        DateTime t = v.getSourceTime() != null && v.getSourceTime().isValid() ? v.getSourceTime() : v.getServerTime();
        return t != null && t.isValid() ? t.getJavaInstant() : clock.instant();
    }

    private boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static String reason(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getMessage() == null) {
            c = c.getCause();
        }
        return c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
    }

    public long values() {
        return values;
    }

    public long badValues() {
        return badValues;
    }

    /** How many times the subscription was built: 1 after the first connect, +1 per server restart. */
    public long subscriptionsBuilt() {
        return rebuilds;
    }

    @Override
    public String describe() {
        long unusable = readings.unusableCount();
        return state + ", " + values + " values" + (unusable > 0 ? ", " + unusable + " unusable" : "") + nodeProblems;
    }

    @Override
    public void close() {
        closed = true;
        if (supervisor != null) {
            supervisor.interrupt();
        }
        OpcUaClient c = client;
        if (c != null) {
            try {
                c.disconnect();
            } catch (UaException e) {
                LOG.debug("opcua {} close: {}", deviceId, e.getMessage());
            }
        }
    }
}
