package gridwatch.gateway.runtime;

import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;
import gridwatch.config.model.EdgeConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Re-reads the config file when it changes on disk or on SIGHUP. A valid file is handed to
 * {@code apply}, whose answer says whether it is in effect or was refused; an invalid or refused one is logged and
 * the running config stays. Sections that need a restart (uplink, outbox, http, devices, vision) are reported, not
 * applied.
 *
 * <p>Threads: a watcher thread of its own ({@code config-reloader}) waits on the file system; SIGHUP arrives on the
 * JVM's signal dispatcher, which only starts a virtual thread to reload, so it never blocks. Reloads are serialised.
 * Nothing that goes wrong in a reload ends the watcher: it is logged and the next change is read again. Closing
 * gives SIGHUP back to the handler this reloader replaced and waits for the watcher thread to end.
 */
@SuppressWarnings("restriction")
public final class ConfigReloader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);
    private static final Signal HUP = new Signal("HUP");
    private static final long APPLY_WAIT_SECONDS = 30;

    private final Path file;
    private final GatewayConfigLoader loader = new GatewayConfigLoader();
    private final Function<EdgeConfig, ? extends CompletionStage<?>> apply;
    private final WatchService watcher;
    private final Thread thread;
    private volatile boolean closed;
    /** Runs on the JVM's signal dispatcher thread: hands the reload to a thread of its own, never blocks. */
    private final SignalHandler sighup = sig -> {
        if (!closed) {
            Thread.ofVirtual().name("config-reload-sighup").start(this::reload);
        }
    };
    private @Nullable SignalHandler previousSighup;
    private volatile EdgeConfig current;
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /**
     * @param apply puts a config in effect; its stage completes once it is, or exceptionally when it was refused.
     *              Called on the reloading thread, which waits for the answer (bounded).
     */
    public ConfigReloader(Path file, EdgeConfig initial, Function<EdgeConfig, ? extends CompletionStage<?>> apply) throws IOException {
        this.file = file.toAbsolutePath();
        this.current = initial;
        this.apply = apply;
        this.watcher = this.file.getFileSystem().newWatchService();
        // An absolute path to a file always has a parent directory.
        Objects.requireNonNull(this.file.getParent()).register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        this.thread = Thread.ofPlatform().name("config-reloader").daemon(true).start(this::watch);
        installSighup();
    }

    /** Reloads now; returns whether the new file was accepted and applied. Thread-safe; any thread that may block. */
    public synchronized boolean reload() {
        if (closed) {
            return false;
        }
        EdgeConfig next;
        try {
            next = loader.load(file);
        } catch (ConfigException e) {
            rejected.incrementAndGet();
            LOG.error("config {} rejected, the running config stays:", file);
            for (ConfigError err : e.errors()) {
                LOG.error("  {}", err.format());
            }
            return false;
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            LOG.error("config {} could not be read ({}); the running config stays", file, e.toString(), e);
            return false;
        }
        warnIfRestartNeeded(current, next);
        CompletableFuture<?> outcome;
        try {
            outcome = apply.apply(next).toCompletableFuture();
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            LOG.error("config {} could not be applied ({}); the running config stays", file, e.toString(), e);
            return false;
        }
        try {
            outcome.get(APPLY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            rejected.incrementAndGet();
            LOG.error("config {} refused ({}); the running config stays", file, e.getCause() == null ? e : e.getCause().getMessage());
            return false;
        } catch (TimeoutException e) {
            LOG.error("config {} not in effect after {} s: the pipeline has not got to it; it applies when it does", file, APPLY_WAIT_SECONDS);
            outcome.thenRun(() -> applied(next, " (late)"));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        applied(next, "");
        return true;
    }

    private void applied(EdgeConfig next, String note) {
        current = next;
        reloads.incrementAndGet();
        LOG.info("config {} reloaded{}: rules, thresholds, categories and alert policy now in effect", file, note);
    }

    public long reloads() {
        return reloads.get();
    }

    public long rejected() {
        return rejected.get();
    }

    private static void warnIfRestartNeeded(EdgeConfig a, EdgeConfig b) {
        List<String> sections = RestartSections.between(a, b);
        if (!sections.isEmpty()) {
            LOG.warn("config changes to {} take effect after a restart (cameras' zones and rules are part of devices)", sections);
        }
    }

    /** The config in effect now (the last one applied, or the one the gateway started with). */
    public EdgeConfig current() {
        return current;
    }

    private void watch() {
        while (!closed) {
            try {
                WatchKey key = watcher.take();
                boolean ours = key.pollEvents().stream().anyMatch(ev -> file.getFileName().equals(ev.context()));
                key.reset();
                if (ours) {
                    // Editors write in several steps; let the file settle, then swallow the burst.
                    Thread.sleep(300);
                    WatchKey more;
                    while ((more = watcher.poll(100, TimeUnit.MILLISECONDS)) != null) {
                        more.pollEvents();
                        more.reset();
                    }
                    reload();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return; // closing
            } catch (RuntimeException e) {
                // A reload must never end the watch: the next edit is the operator's way to fix things.
                LOG.error("config reloader: {}; still watching {}", e.toString(), file, e);
            }
        }
    }

    private void installSighup() {
        try {
            previousSighup = Signal.handle(HUP, sighup);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("SIGHUP not available here: {}", e.getMessage());
        }
    }

    /** Gives SIGHUP back to the handler we replaced, unless someone replaced ours since (theirs then stays). */
    private void restoreSighup() {
        SignalHandler previous = previousSighup;
        if (previous == null) {
            return;
        }
        try {
            SignalHandler replaced = Signal.handle(HUP, previous);
            if (replaced != sighup) {
                Signal.handle(HUP, replaced);
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("SIGHUP handler not restored: {}", e.getMessage());
        }
    }

    /** Stops watching, restores SIGHUP and waits (bounded) for the watcher thread. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        restoreSighup();
        thread.interrupt();
        watcher.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("config reloader thread did not stop within 5 s");
        }
    }
}
