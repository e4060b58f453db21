package gridwatch.gateway.uplink.mqtt;

import gridwatch.gateway.alert.BoundedMemo;

import gridwatch.gateway.alert.outbox.Outbox;
import gridwatch.gateway.alert.outbox.OutboxEntry;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Drains the outbox to the broker in sequence order through the current {@link UplinkSession}'s
 * window, and deletes each entry only on a positive PUBACK. The outbox is the one source of truth
 * for what is undelivered (docs/delivery.md):
 * <ul>
 *   <li>after every (re)connect it rewinds to the oldest unacknowledged entry and sends everything
 *       again (at-least-once, same alert id, order per source kept); Paho carries nothing over;</li>
 *   <li>an alert the broker refuses (PUBACK reason code 0x80 or above) waits with a doubling
 *       backoff while the alerts behind it go on, and after {@link RetryPolicy#maxAttempts()}
 *       refusals moves to the outbox's dead-letter table, counted and shown in /health;</li>
 *   <li>when sending fails while connected, it backs off (50 ms doubling to 2 s) instead of spinning.</li>
 * </ul>
 * Runs on its own thread ({@code outbox-publisher}); the outcome listeners run on Paho threads.
 */
public final class OutboxPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final int READ_BATCH = 512;

    /** See {@link #topicFor}; rows of many old versions each carry their whole topic, hence the bound. */
    private final BoundedMemo<String, String> topics;
    private final Outbox outbox;
    private final MqttUplink uplink;
    private final LongConsumer ackLatencyNanos;
    private final RefusedAlerts refused;
    private final RetryPolicy policy;
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param ackLatencyNanos told, on a Paho thread, how long each accepted publish waited for its PUBACK */
    public OutboxPublisher(Outbox outbox, MqttUplink uplink, LongConsumer ackLatencyNanos) {
        this(outbox, uplink, ackLatencyNanos, RetryPolicy.DEFAULT);
    }

    public OutboxPublisher(Outbox outbox, MqttUplink uplink, LongConsumer ackLatencyNanos, RetryPolicy policy) {
        this.outbox = outbox;
        this.uplink = uplink;
        this.topics = new BoundedMemo<>(1024, uplink.topics()::forStored);
        this.ackLatencyNanos = ackLatencyNanos;
        this.policy = policy;
        this.refused = new RefusedAlerts(policy);
        this.thread = Thread.ofPlatform().name("outbox-publisher").daemon(true).unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** PUBACKs with a failure reason code (and sends Paho refused) so far. */
    public long refusals() {
        return refusals.get();
    }

    /** Entries sent again after a reconnect rewound the sweep (at-least-once redelivery). */
    public long resent() {
        return resent.get();
    }

    /** Refused alerts waiting out their backoff right now. */
    public int waitingForRetry() {
        return refused.parkedCount();
    }

    private void run() {
        long cursor = 0;
        long highestSent = 0;
        long seenEpoch = -1;
        Backoff sendErrors = new Backoff(50, 2000);
        while (running) {
            try {
                UplinkSession session = uplink.awaitSession(500);
                if (session == null) {
                    continue;
                }
                if (session.epoch() != seenEpoch) {
                    seenEpoch = session.epoch();
                    cursor = 0;
                }
                List<OutboxEntry> retries = refused.takeDue(System.nanoTime());
                boolean sweeping = retries.isEmpty();
                List<OutboxEntry> batch = sweeping ? outbox.readAfter(cursor, READ_BATCH) : retries;
                if (batch.isEmpty()) {
                    long waitMs = Math.min(200, Math.max(1, refused.nanosUntilNextDue(System.nanoTime()) / 1_000_000));
                    outbox.awaitCommittedAfter(cursor, waitMs);
                    continue;
                }
                int i = 0;
                for (; i < batch.size() && running; i++) {
                    OutboxEntry e = batch.get(i);
                    if (sweeping && refused.isParked(e.seq())) {
                        cursor = e.seq();   // waits out its backoff; the ones behind it go on
                        continue;
                    }
                    if (!acquire(session)) {
                        break;
                    }
                    if (!send(session, e, sendErrors)) {
                        break;
                    }
                    if (sweeping) {
                        if (e.seq() <= highestSent) {
                            resent.incrementAndGet();
                        }
                        highestSent = Math.max(highestSent, e.seq());
                        cursor = e.seq();
                    }
                }
                if (!sweeping) {
                    // Retries not sent (the session ended or a slot never came) wait for their next turn.
                    for (; i < batch.size(); i++) {
                        refused.requeue(batch.get(i));
                    }
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException ex) {
                LOG.error("outbox publisher: {}", ex.getMessage(), ex);
                sleep(1000);
            }
        }
    }

    /** Waits for a free slot in the window; gives up when the session it was for ended. */
    private boolean acquire(UplinkSession session) throws InterruptedException {
        while (running) {
            if (session.acquire(100)) {
                return true;
            }
            if (!session.open()) {
                return false;
            }
        }
        return false;
    }

    /**
     * Hands one entry to Paho on a slot already taken. False when it was not sent and the caller
     * must stop this batch (Paho is momentarily unable to send: backed off here, not spun).
     */
    private boolean send(UplinkSession session, OutboxEntry e, Backoff sendErrors) throws InterruptedException {
        long sent = System.nanoTime();
        try {
            session.publish(topicFor(e.alertType()), uplink.alertMessage(e), outcome -> onOutcome(e, sent, outcome));
            sendErrors.reset();
            return true;
        } catch (MqttException ex) {
            if (session.open() && refusesTheMessage(ex)) {
                // Paho refuses this message itself (e.g. larger than the broker's maximum packet size).
                onOutcome(e, sent, new UplinkSession.Refused(ex.getReasonCode(), String.valueOf(ex.getMessage())));
                return true;
            }
            LOG.debug("publish of {} failed ({}); backing off, it stays in the outbox", e.alertId(), ex.getMessage());
            sendErrors.sleep();
            return false;
        }
    }

    /**
     * An MQTT reason code (0x80-0xFF) thrown by Paho before sending, such as a packet larger than the
     * broker's Maximum Packet Size, is about this message; Paho's client codes (32000 and up: not
     * connected, too many in flight, ...) mean "not now".
     */
    private static boolean refusesTheMessage(MqttException ex) {
        return ex.getReasonCode() >= 0x80 && ex.getReasonCode() <= 0xFF;
    }

    /** The topic by stored alert type, made once per type rather than concatenated per PUBLISH. */
    private String topicFor(String alertTypeOrTopic) {
        return topics.get(alertTypeOrTopic);
    }

    /** Runs on a Paho thread (or the publisher's, for a refusal Paho made synchronously); must not block. */
    private void onOutcome(OutboxEntry e, long sentNanos, UplinkSession.Outcome outcome) {
        switch (outcome) {
            case UplinkSession.Acked a -> {
                refused.accepted(e.seq());
                outbox.acknowledge(e.seq());
                ackLatencyNanos.accept(System.nanoTime() - sentNanos);
            }
            case UplinkSession.Refused r -> {
                refusals.incrementAndGet();
                int n = refused.refused(e, System.nanoTime());
                if (n >= policy.maxAttempts()) {
                    LOG.error("ALERT DEAD-LETTERED: the broker refused alert {} on {} {} times ({}); kept in the outbox's "
                            + "dead-letter table, not sent again", e.alertId(), e.alertType(), n, r.reason());
                    outbox.deadLetter(e.seq(), r.reason(), n);
                } else {
                    LOG.warn("broker refused alert {} on {} ({}), try {} of {}; sent again after a backoff",
                            e.alertId(), e.alertType(), r.reason(), n, policy.maxAttempts());
                }
            }
            case UplinkSession.Lost l -> {
                // The connection died first: the entry is still in the outbox and goes out after the next connect.
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A doubling wait for repeated failures of one kind; publisher thread only. */
    private static final class Backoff {
        private final long firstMillis;
        private final long maxMillis;
        private long next;

        Backoff(long firstMillis, long maxMillis) {
            this.firstMillis = firstMillis;
            this.maxMillis = maxMillis;
            this.next = firstMillis;
        }

        void reset() {
            next = firstMillis;
        }

        void sleep() throws InterruptedException {
            Thread.sleep(next);
            next = Math.min(next * 2, maxMillis);
        }
    }
}
