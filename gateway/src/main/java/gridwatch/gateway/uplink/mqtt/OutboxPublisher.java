package gridwatch.gateway.uplink.mqtt;

import gridwatch.gateway.alert.outbox.Outbox;
import gridwatch.gateway.alert.outbox.OutboxEntry;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Drains the outbox to the broker in sequence order, at most a window of unacknowledged
 * publishes at a time, and deletes each entry only on PUBACK. After every (re)connect it
 * rewinds to the oldest unacknowledged entry, so whatever was in flight when the connection
 * died goes out again: at-least-once, same alert id, order per source kept.
 */
public final class OutboxPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final int READ_BATCH = 512;

    private final Outbox outbox;
    private final MqttUplink uplink;
    private final LongConsumer ackLatencyNanos;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param ackLatencyNanos told, on a Paho thread, how long each publish waited for its PUBACK */
    public OutboxPublisher(Outbox outbox, MqttUplink uplink, LongConsumer ackLatencyNanos) {
        this.outbox = outbox;
        this.uplink = uplink;
        this.ackLatencyNanos = ackLatencyNanos;
        this.thread = Thread.ofPlatform().name("outbox-publisher").daemon(true).unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        long cursor = 0;
        long seenEpoch = -1;
        Semaphore window = new Semaphore(0);
        while (running) {
            try {
                if (!uplink.awaitConnected(500)) {
                    continue;
                }
                long epoch = uplink.epoch();
                if (epoch != seenEpoch) {
                    seenEpoch = epoch;
                    cursor = 0;
                    window = new Semaphore(uplink.window());
                }
                List<OutboxEntry> batch = outbox.readAfter(cursor, READ_BATCH);
                if (batch.isEmpty()) {
                    outbox.awaitCommittedAfter(cursor, 200);
                    continue;
                }
                for (OutboxEntry e : batch) {
                    if (!acquire(window, epoch)) {
                        break;
                    }
                    try {
                        uplink.publish(e.topic(), e.payload(), new AckListener(e.seq(), window, System.nanoTime()));
                    } catch (MqttException ex) {
                        window.release();
                        LOG.debug("publish of {} failed ({}); it stays in the outbox", e.alertId(), ex.getMessage());
                        break;
                    }
                    cursor = e.seq();
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

    /** Waits for a free slot; gives up when the connection it was for is gone. */
    private boolean acquire(Semaphore window, long epoch) throws InterruptedException {
        while (running) {
            if (window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (uplink.epoch() != epoch || !uplink.connected()) {
                return false;
            }
        }
        return false;
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

    /** Runs on a Paho thread: marks the entry for deletion and frees the slot. */
    private final class AckListener implements MqttActionListener {
        private final long seq;
        private final Semaphore window;
        private final long sentNanos;

        AckListener(long seq, Semaphore window, long sentNanos) {
            this.seq = seq;
            this.window = window;
            this.sentNanos = sentNanos;
        }

        @Override
        public void onSuccess(IMqttToken token) {
            outbox.acknowledge(seq);
            window.release();
            ackLatencyNanos.accept(System.nanoTime() - sentNanos);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
            // Not acknowledged: the entry stays and goes out again after the next connect.
            window.release();
        }
    }
}
