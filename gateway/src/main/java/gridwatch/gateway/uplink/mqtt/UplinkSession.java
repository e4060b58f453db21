package gridwatch.gateway.uplink.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One network connection to the broker, from CONNACK to its loss. It owns the in-flight window:
 * every QoS 1 PUBLISH on this connection, alerts and status alike, takes a slot before it is
 * sent and gives it back when its PUBACK (or its failure) arrives, so the gateway never has more
 * unacknowledged publishes out than the broker's Receive Maximum allows.
 *
 * <p>A session is never reused: when the connection dies the uplink makes a new client and a new
 * session. That is the heart of the delivery design (docs/delivery.md): Paho keeps no in-flight
 * state across connections, so the outbox alone decides what is resent.
 */
public final class UplinkSession {

    /** What became of one publish; told on a Paho thread, must not block. */
    public sealed interface Outcome permits Acked, Refused, Lost {
    }

    /** The broker took the message (PUBACK reason code below 0x80). */
    public record Acked() implements Outcome {
    }

    /** The broker answered, but refused the message (PUBACK reason code 0x80 or above), or Paho refused to send it. */
    public record Refused(int reasonCode, String reason) implements Outcome {
    }

    /** The connection ended before an answer came; the outbox resends it on the next connection. */
    public record Lost(String reason) implements Outcome {
    }

    /** Hears the outcome of a publish, on a Paho thread; must not block. */
    @FunctionalInterface
    public interface OutcomeListener {
        void outcome(Outcome outcome);
    }

    private final long epoch;
    private final MqttAsyncClient client;
    private final Semaphore window;
    private final int windowSize;
    private volatile boolean open = true;

    UplinkSession(long epoch, MqttAsyncClient client, int windowSize) {
        this.epoch = epoch;
        this.client = client;
        this.windowSize = windowSize;
        this.window = new Semaphore(windowSize);
    }

    /** Increments with every connection; a publisher that sees it change rewinds to the oldest unacknowledged alert. */
    public long epoch() {
        return epoch;
    }

    public int windowSize() {
        return windowSize;
    }

    /** Slots taken right now (publishes sent and not yet answered). */
    public int inFlight() {
        return windowSize - window.availablePermits();
    }

    public boolean open() {
        return open && client.isConnected();
    }

    void markClosed() {
        open = false;
    }

    /** Waits up to {@code timeoutMillis} for a free slot; false when none came or the session ended. */
    public boolean acquire(long timeoutMillis) throws InterruptedException {
        return open() && window.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Gives back a slot taken with {@link #acquire} when the publish was never handed to Paho. */
    public void release() {
        window.release();
    }

    /**
     * Sends a QoS 1 message on a slot the caller took with {@link #acquire}. The slot is given back
     * exactly once, when the outcome is known. A synchronous refusal by Paho is thrown and the slot
     * is given back before it is.
     */
    public void publish(String topic, MqttMessage message, OutcomeListener listener) throws MqttException {
        SlotListener slot = new SlotListener(listener);
        try {
            client.publish(topic, message, null, slot);
        } catch (MqttException | RuntimeException e) {
            slot.free();
            throw e;
        }
    }

    MqttAsyncClient client() {
        return client;
    }

    /** Runs on a Paho thread: frees the slot once, then tells the listener. */
    private final class SlotListener implements MqttActionListener {
        private final OutcomeListener listener;
        private final AtomicBoolean freed = new AtomicBoolean();

        SlotListener(OutcomeListener listener) {
            this.listener = listener;
        }

        void free() {
            if (freed.compareAndSet(false, true)) {
                window.release();
            }
        }

        @Override
        public void onSuccess(IMqttToken token) {
            free();
            int[] codes = token.getReasonCodes();
            int code = codes == null || codes.length == 0 ? 0 : codes[0];
            listener.outcome(code >= 0x80 ? new Refused(code, PubackReasons.describe(code)) : new Acked());
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
            free();
            listener.outcome(new Lost(error == null ? "connection lost" : String.valueOf(error.getMessage())));
        }
    }
}
