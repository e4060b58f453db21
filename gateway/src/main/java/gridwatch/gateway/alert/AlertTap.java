package gridwatch.gateway.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One subscriber to stored alerts, decoupled: a bounded queue and a thread of its own ({@code alert-tap-NAME}) that
 * calls the sink, so a slow or stuck sink delays only itself, never the pipeline, the outbox writer or the other
 * taps. Its thread holds at most one round taken from the queue (256 alerts) besides the queue itself. When its queue is
 * full a new alert is dropped for this tap only, counted and logged (at most every 10 s);
 * the alert itself is safe in the outbox and goes to the center regardless.
 */
public final class AlertTap implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertTap.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** A round this large means alerts are streaming in: pause before the next, so they gather. */
    private static final int BUSY_ROUND = 4;
    /** A sink hears of an alert at most this much later than it could under a stream (milliseconds). */
    private static final long PAUSE_MILLIS = 2;
    /**
     * At most this many alerts leave the queue per round, so a tap holds at most its queue's capacity and one round;
     * at one round per pause that is still 128,000 alerts a second, far above what a box produces.
     */
    private static final int ROUND = 256;

    private final String name;
    private final AlertSink sink;
    private final int capacity;
    private final BlockingQueue<Alert> queue;
    private final Runnable onDrop;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lastDropLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private volatile boolean running = true;
    /** Alerts taken from the queue in the current round and not yet handed to the sink (written by the tap's thread). */
    private volatile int inRound;

    /** @param onDrop runs on the offering thread for each alert this tap drops; must not block */
    public AlertTap(String name, AlertSink sink, int capacity, Runnable onDrop) {
        this.name = name;
        this.sink = sink;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onDrop = onDrop;
        this.thread = Thread.ofPlatform().name("alert-tap-" + name).daemon(true).unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    public String name() {
        return name;
    }

    /** Any thread; never blocks. False when the alert was not queued for this tap (queue full, or closed). */
    public boolean offer(Alert alert) {
        if (!running) {
            return false;
        }
        if (queue.offer(alert)) {
            return true;
        }
        long n = dropped.incrementAndGet();
        onDrop.run();
        long now = System.nanoTime();
        long last = lastDropLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastDropLog.compareAndSet(last, now)) {
            LOG.warn("alert tap {} is behind: its queue of {} is full; {} alerts dropped for it so far (all are safe in the outbox)",
                    name, capacity, n);
        }
        return false;
    }

    /** Alerts this tap dropped because its queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Takes up to {@link #ROUND} queued alerts in one go; after a busy round it pauses briefly before looking again.
     * While it pauses it is not waiting on the queue, so offers do not wake it: under a stream of alerts the tap
     * costs a wake-up per round instead of one per alert (two thread switches each, on a box with two cores). An
     * alert after a quiet spell is taken at once. An interrupt (from {@link #close} when the sink is stuck) ends the
     * round where it is; what it still held is counted as not delivered.
     */
    private void run() {
        List<Alert> round = new ArrayList<>(ROUND);
        while (running || !queue.isEmpty()) {
            try {
                Alert first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                round.add(first);
                queue.drainTo(round, ROUND - 1);
                inRound = round.size();
                for (Alert next : round) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    deliver(next);
                    inRound--;
                }
                boolean busy = round.size() >= BUSY_ROUND;
                round.clear();
                if (busy && running) {
                    Thread.sleep(PAUSE_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void deliver(Alert next) {
        try {
            sink.accept(next);
        } catch (RuntimeException e) {
            LOG.error("alert tap {}: its sink failed on alert {}: {}", name, next.alertId(), e.toString(), e);
        }
    }

    /** Delivers what is queued, waiting at most about 3 s for a slow sink, then stops the thread. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(2_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int undelivered = queue.size() + inRound;
        if (thread.isAlive() || undelivered > 0) {
            LOG.warn("alert tap {} stopped with its sink still busy; {} alerts not delivered to it", name, undelivered);
        }
    }
}
