package gridwatch.gateway.runtime;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SIGTERM and SIGINT as a request to stop, not as the JVM's exit. Left to the JVM, either signal starts its shutdown
 * sequence and ends the process with 128 + the signal's number (143, 130) whatever the shutdown hooks did, and
 * systemd counts 143 as a failed service. Taken here, a signal only wakes {@link #await()}: the caller stops the
 * gateway cleanly and exits 0.
 *
 * <p>A second signal while the stop is under way means "now": it exits with 128 + its number, as the JVM would have
 * (shutdown hooks run, a stop already under way is not waited for). {@code sun.misc.Signal} is the JDK's supported
 * signal API (module {@code jdk.unsupported}); where a signal cannot be taken (e.g. the JVM runs with {@code -Xrs}),
 * the JVM keeps its own handling and the caller's shutdown hook still stops the gateway, with the JVM's exit code.
 *
 * <p>Threads: the handlers run on the JVM's signal dispatcher thread; the first only counts a latch down, the second
 * starts a thread that exits. Closing gives each signal back to the handler it had before.
 */
@SuppressWarnings("restriction")
public final class StopSignals implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private static final List<String> NAMES = List.of("TERM", "INT");

    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicReference<@Nullable String> first = new AtomicReference<>();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final SignalHandler handler = this::received;

    private StopSignals() {
    }

    /** Takes SIGTERM and SIGINT from the JVM until {@link #close()}. */
    public static StopSignals install() {
        StopSignals s = new StopSignals();
        for (String name : NAMES) {
            try {
                Signal sig = new Signal(name);
                s.previous.put(sig, Signal.handle(sig, s.handler));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.warn("SIG{} cannot be taken here ({}); it stops the gateway through the JVM's shutdown, exit code 128+n",
                        name, e.getMessage());
            }
        }
        return s;
    }

    /** Runs on the JVM's signal dispatcher thread; never blocks. */
    private void received(Signal sig) {
        if (first.compareAndSet(null, sig.getName())) {
            requested.countDown();
            return;
        }
        int code = 128 + sig.getNumber();
        // Runtime.exit runs the shutdown hooks and waits for them: not on the dispatcher thread, which must stay free.
        Thread.ofPlatform().name("stop-now").start(() -> {
            LOG.warn("SIG{} again while stopping: exiting now ({})", sig.getName(), code);
            Runtime.getRuntime().exit(code);
        });
    }

    /** Blocks until SIGTERM or SIGINT arrives; returns its name ({@code TERM} or {@code INT}). */
    public String await() throws InterruptedException {
        requested.await();
        String name = first.get();
        return name == null ? "?" : name;
    }

    /** Gives each signal back to the handler it had before, unless someone replaced ours since (theirs then stays). */
    @Override
    public void close() {
        previous.forEach((sig, before) -> {
            try {
                SignalHandler replaced = Signal.handle(sig, before);
                if (replaced != handler) {
                    Signal.handle(sig, replaced);
                }
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.debug("SIG{} handler not restored: {}", sig.getName(), e.getMessage());
            }
        });
        previous.clear();
    }
}
