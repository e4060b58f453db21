package gridwatch.gateway.uplink.mqtt;

import org.eclipse.paho.mqttv5.common.util.MqttTopicValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes messages off Paho's callback thread and hands them, in arrival order, to the handler of
 * the first route whose topic filter matches, on a thread of its own ({@code uplink-inbound}).
 *
 * <p>Overflow policy: the queue holds {@value #CAPACITY} messages; one more is dropped, counted
 * and logged. The center's commands are few and each one is answered, so a center that hears
 * nothing back asks again; blocking Paho's thread instead would stall the PUBACKs of our alerts.
 */
final class InboundRouter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboundRouter.class);
    static final int CAPACITY = 1024;

    record Route(String filter, int qos, InboundHandler handler) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final BlockingQueue<InboundMessage> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong unrouted = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    InboundRouter() {
        thread = Thread.ofPlatform().name("uplink-inbound").daemon(true).unstarted(this::run);
    }

    void add(Route route) {
        MqttTopicValidator.validate(route.filter(), true, true);
        routes.add(route);
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    void start() {
        thread.start();
    }

    /** Runs on Paho's callback thread: never blocks. */
    void offer(InboundMessage m) {
        received.incrementAndGet();
        if (!queue.offer(m)) {
            long n = dropped.incrementAndGet();
            LOG.error("inbound queue full ({} messages): message on {} from the center dropped ({} so far)", CAPACITY, m.topic(), n);
        }
    }

    long received() {
        return received.get();
    }

    long dropped() {
        return dropped.get();
    }

    long failed() {
        return failed.get();
    }

    long unrouted() {
        return unrouted.get();
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            InboundMessage m;
            try {
                m = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (m != null) {
                dispatch(m);
            }
        }
    }

    private void dispatch(InboundMessage m) {
        for (Route r : routes) {
            if (MqttTopicValidator.isMatched(r.filter(), m.topic())) {
                try {
                    r.handler().handle(m);
                } catch (Exception e) {
                    failed.incrementAndGet();
                    LOG.error("handling the center's message on {} failed: {}", m.topic(), e.getMessage(), e);
                }
                return;
            }
        }
        unrouted.incrementAndGet();
        LOG.warn("message from the center on {} matches no route; ignored", m.topic());
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }
}
