package gridwatch.gateway.ingest.drone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One drone's watched folder, listed again on every scan (not inotify: it misses events on network mounts such as a
 * FlightHub sync share, and can overflow; a listing is authoritative). Subfolders are walked; hidden files and folders
 * (a copier's temporary {@code .name.part}) and anything but {@code .jpg}/{@code .jpeg} (DJI's MP4 and SRT files)
 * are passed over.
 *
 * <p>A file is read once it has settled: its {@link FileStamp} unchanged for {@code settleSeconds} (or its
 * modification time already that old). A file that then turns out empty or cut off before its JPEG end-of-image
 * marker is taken to be still in transfer: it is not read again until its stamp changes. Handled files are in the
 * ledger with their stamp, so neither another scan nor a restart reads them again, and a file missing from the ledger
 * is always read: nothing is skipped.
 *
 * <p>The patrol is the first-level subfolder a file is in ({@code <folder>/<patrol>/DCIM/100MEDIA/DJI_0001.JPG}); a
 * file directly in the folder belongs to the patrol named by the site's date when it was received.
 *
 * <p>Not thread-safe: {@link #scan} runs on the folder watcher's thread only, and blocks on disk I/O.
 */
final class WatchedFolder {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedFolder.class);
    private static final int MAX_DEPTH = 16;

    private final DroneStation station;
    private final Path root;
    private final PhotoIntake intake;
    private final PhotoLedger ledger;
    private final DroneMetrics metrics;
    private final LongSupplier pending;
    private final long maxPending;
    private final ZoneId zone;
    private final Clock clock;
    private final long settleMillis;
    private final Map<String, FileStamp> handled = new HashMap<>();
    private final Map<String, Observation> seen = new HashMap<>();
    private volatile int waiting;
    private boolean missingLogged;
    private boolean backlogLogged;

    /** A file not handled yet, as last seen: since when it has had this stamp, and whether it was read at this stamp and found incomplete. */
    private record Observation(FileStamp stamp, long sinceMillis, boolean incomplete) {
    }

    WatchedFolder(DroneStation station, Path root, PhotoIntake intake, PhotoLedger ledger, DroneMetrics metrics, LongSupplier pending,
                  long maxPending, ZoneId zone, Clock clock) {
        this.station = station;
        this.root = root;
        this.intake = intake;
        this.ledger = ledger;
        this.metrics = metrics;
        this.pending = pending;
        this.maxPending = maxPending;
        this.zone = zone;
        this.clock = clock;
        this.settleMillis = Math.round(station.connection().settleSeconds() * 1000);
    }

    /** Creates the folder when missing and loads what the ledger says was handled. */
    void open() throws IOException, SQLException {
        Files.createDirectories(root);
        handled.putAll(ledger.folderFiles(station.deviceId()));
    }

    /** Files seen but not read yet at the end of the last scan: settling, or incomplete (still being copied). Any thread. */
    int waiting() {
        return waiting;
    }

    String deviceId() {
        return station.deviceId();
    }

    /** One pass over the folder. */
    void scan() throws IOException {
        if (!Files.isDirectory(root)) {
            if (!missingLogged) {
                LOG.warn("drone {}: watched folder {} is missing (an unmounted share?); looking again every scan", station.deviceId(), root);
                missingLogged = true;
            }
            return;
        }
        missingLogged = false;
        Set<String> present = new HashSet<>();
        Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(root) || !hidden(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !hidden(file) && isJpegName(file)) {
                    String rel = relative(file);
                    present.add(rel);
                    return consider(file, rel, new FileStamp(attrs.size(), attrs.lastModifiedTime().toMillis()))
                            ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                LOG.debug("drone {}: cannot look at {}: {}", station.deviceId(), file, e.toString());
                return FileVisitResult.CONTINUE;
            }
        });
        seen.keySet().retainAll(present);
        waiting = seen.size();
    }

    /** Handles one listed file; false when the analysis is too far behind to take more now (the scan stops). */
    private boolean consider(Path file, String rel, FileStamp stamp) {
        if (stamp.equals(handled.get(rel))) {
            return true;
        }
        long now = clock.millis();
        Observation o = seen.get(rel);
        if (o == null || !o.stamp().equals(stamp)) {
            o = new Observation(stamp, now, false);
            seen.put(rel, o);
        }
        if (o.incomplete() || (now - o.sinceMillis() < settleMillis && now - stamp.mtimeMillis() < settleMillis)) {
            return true;
        }
        if (pending.getAsLong() >= maxPending) {
            if (!backlogLogged) {
                LOG.warn("drone {}: {} photos wait for analysis (maxPendingPhotos {}); new files in {} wait until it catches up",
                        station.deviceId(), pending.getAsLong(), maxPending, root);
                backlogLogged = true;
            }
            return false;
        }
        backlogLogged = false;
        try {
            read(file, rel, stamp);
        } catch (IOException | SQLException e) {
            // Not recorded: the next scan reads it again.
            LOG.warn("drone {}: could not take {} ({}); trying again on the next scan", station.deviceId(), file, e.toString());
        }
        return true;
    }

    private void read(Path file, String rel, FileStamp stamp) throws IOException, SQLException {
        long maxBytes = station.connection().maxBytes();
        if (stamp.size() > maxBytes) {
            refuse(rel, stamp, new Refusal(RefusalReason.TOO_LARGE, stamp.size() + " bytes, more than the " + maxBytes + " allowed (maxBytes)"));
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
        FileStamp now = new FileStamp(after.size(), after.lastModifiedTime().toMillis());
        if (!now.equals(stamp) || bytes.length != stamp.size()) {
            return;   // written to while we read: it settles again under its new stamp
        }
        PhotoIntake.Outcome out = intake.take(new PhotoIntake.Arrival(station, patrolOf(rel), rel, PhotoSource.FOLDER, rel, stamp), bytes);
        switch (out) {
            case PhotoIntake.Accepted a -> {
                handled.put(rel, stamp);
                seen.remove(rel);
                LOG.info("drone {}: {} {} (patrol {}, sha256 {})", station.deviceId(), a.duplicate() ? "already had" : "took", rel,
                        a.photo().patrolId(), a.photo().sha256());
            }
            case Refusal r when r.reason() == RefusalReason.TRUNCATED || r.reason() == RefusalReason.EMPTY -> {
                seen.put(rel, new Observation(stamp, clock.millis(), true));
                LOG.info("drone {}: {} is not complete yet ({}); waiting for it to change", station.deviceId(), rel, r.message());
            }
            case Refusal r -> refuse(rel, stamp, r);
        }
    }

    private void refuse(String rel, FileStamp stamp, Refusal r) throws SQLException {
        ledger.refusedFile(station.deviceId(), rel, stamp, r.reason());
        handled.put(rel, stamp);
        seen.remove(rel);
        metrics.photoRefused(PhotoSource.FOLDER.label(), r.reason().code());
        LOG.warn("drone {}: refused {} in {} ({}): {}", station.deviceId(), rel, root, r.reason().code(), r.message());
    }

    private String patrolOf(String rel) {
        int slash = rel.indexOf('/');
        return slash > 0 ? rel.substring(0, slash) : LocalDate.now(clock.withZone(zone)).toString();
    }

    private String relative(Path file) {
        StringBuilder sb = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean isJpegName(Path p) {
        Path name = p.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg");
    }
}
