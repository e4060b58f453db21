package gridwatch.gateway.ingest.drone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scans every drone's watched folder on one thread ({@code drone-folder-watch}), each at its own
 * {@code scanSeconds}. Reading, checking and storing a photo happens here too, so a large SD card is taken in one
 * photo at a time without holding more than one in memory; the analysis runs elsewhere.
 *
 * <p>{@link #close} lets a scan in progress finish (up to 10 s) before interrupting it; a photo interrupted before it
 * was recorded is read again at the next start.
 */
final class FolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private final List<WatchedFolder> folders;
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drone-folder-watch");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong scans = new AtomicLong();

    FolderWatcher(List<WatchedFolder> folders) {
        this.folders = List.copyOf(folders);
    }

    void start(List<Double> scanSeconds) {
        for (int i = 0; i < folders.size(); i++) {
            WatchedFolder f = folders.get(i);
            long every = Math.max(10, Math.round(scanSeconds.get(i) * 1000));
            scanner.scheduleWithFixedDelay(() -> scan(f), 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /** On the watcher thread. Never throws: a thrown exception would cancel the folder's later scans. */
    private void scan(WatchedFolder f) {
        try {
            f.scan();
        } catch (Exception | LinkageError e) {
            LOG.warn("drone {}: folder scan failed ({}); trying again on the next scan", f.deviceId(), e.toString());
        } finally {
            scans.incrementAndGet();
        }
    }

    /** Scans completed (of any folder) since start: lets a caller wait for the watcher to have looked again. */
    long scans() {
        return scans.get();
    }

    /** Files seen and not yet read, across folders; read on any thread (approximate). */
    int waiting() {
        return folders.stream().mapToInt(WatchedFolder::waiting).sum();
    }

    @Override
    public void close() {
        scanner.shutdown();
        try {
            if (!scanner.awaitTermination(10, TimeUnit.SECONDS)) {
                scanner.shutdownNow();
                scanner.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            scanner.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
