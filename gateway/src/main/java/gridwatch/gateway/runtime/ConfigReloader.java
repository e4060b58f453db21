package gridwatch.gateway.runtime;

import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;
import gridwatch.config.model.EdgeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Re-reads the config file when it changes on disk or on SIGHUP. A valid file is handed to
 * {@code apply}; an invalid one is logged with every error and the running config stays.
 * Sections that need a restart (uplink, outbox, http, devices, vision) are reported, not applied.
 */
public final class ConfigReloader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

    private final Path file;
    private final GatewayConfigLoader loader = new GatewayConfigLoader();
    private final Consumer<EdgeConfig> apply;
    private final WatchService watcher;
    private final Thread thread;
    private volatile EdgeConfig current;
    private volatile long reloads;
    private volatile long rejected;

    public ConfigReloader(Path file, EdgeConfig initial, Consumer<EdgeConfig> apply) throws IOException {
        this.file = file.toAbsolutePath();
        this.current = initial;
        this.apply = apply;
        this.watcher = this.file.getFileSystem().newWatchService();
        this.file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        this.thread = Thread.ofPlatform().name("config-reloader").daemon(true).start(this::watch);
        installSighup();
    }

    /** Reloads now; returns whether the new file was accepted. Thread-safe. */
    public synchronized boolean reload() {
        EdgeConfig next;
        try {
            next = loader.load(file);
        } catch (ConfigException e) {
            rejected++;
            LOG.error("config {} rejected, the running config stays:", file);
            for (ConfigError err : e.errors()) {
                LOG.error("  {}", err.format());
            }
            return false;
        }
        EdgeConfig before = current;
        warnIfRestartNeeded(before, next);
        current = next;
        apply.accept(next);
        reloads++;
        LOG.info("config {} reloaded: rules, thresholds, categories and alert policy now in effect", file);
        return true;
    }

    public long reloads() {
        return reloads;
    }

    public long rejected() {
        return rejected;
    }

    private static void warnIfRestartNeeded(EdgeConfig a, EdgeConfig b) {
        if (!Objects.equals(a.uplink(), b.uplink()) || !Objects.equals(a.outbox(), b.outbox())
                || !Objects.equals(a.http(), b.http()) || !Objects.equals(a.devices(), b.devices())
                || !Objects.equals(a.gateway(), b.gateway()) || !Objects.equals(a.vision(), b.vision())) {
            LOG.warn("config changes to gateway, uplink, outbox, http, devices (cameras' zones and rules included) or vision take effect after a restart");
        }
    }

    private void watch() {
        try {
            while (true) {
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
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    @SuppressWarnings("restriction")
    private void installSighup() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sig -> Thread.ofVirtual().start(this::reload));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("SIGHUP not available here: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        watcher.close();
    }
}
