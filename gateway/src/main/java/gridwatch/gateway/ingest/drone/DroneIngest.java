package gridwatch.gateway.ingest.drone;

import gridwatch.config.model.DroneServerConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.SharedListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every drone's photos, from watched folders and the upload endpoint, each stored once and analysed once: the shared
 * listener drones are registered on. It owns the photo store, the ledger ({@code <directory>/ledger.db}), the folder
 * watcher, the upload server and the analysis worker (and the {@link PhotoAnalysis} it was given), and closes them in
 * that reverse order.
 *
 * <p>Drones are {@link #register registered} while the gateway is assembled; the constructor does no I/O; the
 * directory, threads and socket exist from {@link #start} to {@link #close}. Findings go to the sink given to start.
 */
public final class DroneIngest implements SharedListener {

    private static final Logger LOG = LoggerFactory.getLogger(DroneIngest.class);

    private final DroneServerConfig cfg;
    private final Path directory;
    private final ZoneId zone;
    private final DroneMetrics metrics;
    private final PhotoAnalysis analysis;
    private final Clock clock;
    private final Map<String, DroneStation> stations = new ConcurrentHashMap<>();
    private final PhotoStore store;
    private final PhotoLedger ledger;
    private @Nullable AnalysisWorker worker;
    private @Nullable FolderWatcher watcher;
    private @Nullable UploadServer uploads;

    /**
     * @param directory the photo store and ledger
     * @param analysis  what each photo is handed to; this ingest closes it
     */
    public DroneIngest(DroneServerConfig cfg, Path directory, ZoneId zone, DroneMetrics metrics, PhotoAnalysis analysis, Clock clock) {
        this.cfg = cfg;
        this.directory = directory;
        this.zone = zone;
        this.metrics = metrics;
        this.analysis = analysis;
        this.clock = clock;
        this.store = new PhotoStore(directory);
        this.ledger = new PhotoLedger(directory.resolve("ledger.db"), store);
    }

    /** For a box's config: {@code ingest.drone}, or its defaults with the store beside the outbox ({@code var/drone}). */
    public static DroneIngest forConfig(EdgeConfig config, DroneMetrics metrics, PhotoAnalysis analysis, Clock clock) {
        DroneServerConfig configured = config.ingest().drone();
        DroneServerConfig cfg = configured != null ? configured : DroneServerConfig.defaults();
        Path dir = cfg.directory();
        if (dir == null) {
            Path outbox = config.outbox().directory();
            if (outbox == null) {
                throw new IllegalArgumentException("neither ingest.drone.directory nor outbox.directory is set (a config built by hand must set one)");
            }
            dir = outbox.resolveSibling("drone");
        }
        return new DroneIngest(cfg, dir, config.site().zoneId(), metrics, analysis, clock);
    }

    /** Adds a drone before {@link #start}. */
    public void register(DroneStation station) {
        stations.put(station.deviceId(), station);
    }

    /** Opens the store and ledger, resumes pending photos, then watches folders and takes uploads. */
    @Override
    public void start(ReadingSink sink) throws InterruptedException {
        List<DroneStation> all = List.copyOf(stations.values());
        try {
            Files.createDirectories(directory);
            store.open();
            ledger.open();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("drone photo store " + directory + ": " + e.getMessage(), e);
        }
        metrics.watchPending(ledger::pendingCount);
        AnalysisWorker w = new AnalysisWorker(ledger, analysis, sink, metrics, clock);
        worker = w;
        PhotoIntake intake = new PhotoIntake(store, ledger, metrics, clock, w::wake);
        w.start();
        List<WatchedFolder> folders = new ArrayList<>();
        List<Double> every = new ArrayList<>();
        for (DroneStation s : all) {
            Path folder = s.connection().folder();
            if (folder != null) {
                WatchedFolder f = new WatchedFolder(s, folder, intake, ledger, metrics, ledger::pendingCount, cfg.maxPendingPhotos(), zone, clock);
                try {
                    f.open();
                } catch (IOException | SQLException e) {
                    throw new IllegalStateException("drone " + s.deviceId() + ": watched folder " + folder + ": " + e.getMessage(), e);
                }
                folders.add(f);
                every.add(s.connection().scanSeconds());
            }
        }
        if (!folders.isEmpty()) {
            FolderWatcher fw = new FolderWatcher(folders);
            watcher = fw;
            fw.start(every);
        }
        List<DroneStation> uploading = all.stream().filter(s -> s.connection().upload()).toList();
        if (!uploading.isEmpty()) {
            UploadServer u = new UploadServer(cfg, uploading, intake, ledger::pendingCount, metrics);
            uploads = u;
            u.start();
        }
        LOG.info("drone ingest: {} drones, {} watched folders, uploads {}, {} photos pending, store {}", all.size(), folders.size(),
                uploading.isEmpty() ? "off" : "on port " + port(), ledger.pendingCount(), directory);
    }

    /** The upload port once started, or -1 when no drone uploads. */
    @Override
    public int port() {
        UploadServer u = uploads;
        return u == null ? -1 : u.port();
    }

    @Override
    public String describe() {
        FolderWatcher w = watcher;
        return "drones: " + stations.size() + ", uploads " + (uploads == null ? "off" : "on port " + port()) + ", "
                + ledger.pendingCount() + " photos pending" + (w == null ? "" : ", " + w.waiting() + " files settling or being written");
    }

    /** Photos stored and not yet analysed. */
    public long pending() {
        return ledger.pendingCount();
    }

    /** A patrol's photos so far and the span they were received in; for the analysis (patrol-to-patrol comparison). */
    public Optional<PatrolSpan> patrol(String deviceId, String patrolId) {
        try {
            return ledger.patrol(deviceId, patrolId);
        } catch (SQLException e) {
            throw new IllegalStateException("drone ledger: " + e.getMessage(), e);
        }
    }

    /** Folder scans completed since start (tests wait on it to know the watcher has looked again). */
    long folderScans() {
        FolderWatcher w = watcher;
        return w == null ? 0 : w.scans();
    }

    int filesWaiting() {
        FolderWatcher w = watcher;
        return w == null ? 0 : w.waiting();
    }

    boolean stopping() {
        AnalysisWorker w = worker;
        return w != null && w.stopping();
    }

    PhotoLedger ledger() {
        return ledger;
    }

    PhotoStore store() {
        return store;
    }

    /**
     * Stops taking photos (folders, then uploads, whose admitted photos finish their intake), lets the photo being
     * analysed finish, then closes the analysis and the ledger. What is pending stays for the next start.
     */
    @Override
    public void close() {
        FolderWatcher fw = watcher;
        if (fw != null) {
            fw.close();
        }
        UploadServer u = uploads;
        if (u != null) {
            u.close();
        }
        AnalysisWorker w = worker;
        if (w != null) {
            w.close();
        }
        try {
            analysis.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the drone photo analysis failed: {}", e.toString());
        }
        ledger.close();
    }
}
