package gridwatch.gateway.ingest.drone;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable record of drone photos (SQLite, WAL, {@code synchronous=FULL}: a commit is on disk when it returns).
 *
 * <ul>
 *   <li>{@code photo}: one row per distinct photo (by SHA-256), in the order accepted, with its state
 *       {@code pending → done}, or {@code failed} after its last failed attempt. Pending rows are the analysis queue:
 *       a restart resumes them, in order.</li>
 *   <li>{@code folder_file}: one row per file of a watched folder that was handled, keyed by device and path relative
 *       to the folder, with the {@link FileStamp} it had and the outcome (accepted, duplicate, refused: reason).
 *       A file whose stamp matches is never read again; a file missing here is read, so a restart skips nothing.</li>
 * </ul>
 *
 * A photo and the folder file it came from are recorded in one transaction. One connection, every method
 * {@code synchronized}: callers are the folder watcher, the upload intake and the analysis worker, each blocking on
 * disk I/O here (never a Netty event loop).
 */
final class PhotoLedger implements AutoCloseable {

    static final String PENDING = "pending";
    static final String DONE = "done";
    static final String FAILED = "failed";

    private final Path file;
    private final PhotoStore store;
    private final AtomicLong pending = new AtomicLong();
    private @Nullable Connection conn;

    /** What recording a photo did: stored it as new, or found the same bytes already recorded (that row is returned). */
    record Recorded(PatrolPhoto photo, boolean duplicate) {
    }

    /** A photo about to be recorded. */
    record NewPhoto(String sha256, String deviceId, String patrolId, PhotoSource source, String name, long bytes, int width, int height,
                    Instant receivedAt) {
    }

    PhotoLedger(Path file, PhotoStore store) {
        this.file = file;
        this.store = store;
    }

    synchronized void open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        conn = c;
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("CREATE TABLE IF NOT EXISTS photo (seq INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, device TEXT NOT NULL, "
                    + "patrol TEXT NOT NULL, source TEXT NOT NULL, name TEXT NOT NULL, bytes INTEGER NOT NULL, width INTEGER NOT NULL, "
                    + "height INTEGER NOT NULL, received_ms INTEGER NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, "
                    + "last_error TEXT, done_ms INTEGER)");
            s.execute("CREATE INDEX IF NOT EXISTS photo_by_state ON photo (state, attempts, seq)");
            s.execute("CREATE INDEX IF NOT EXISTS photo_by_patrol ON photo (device, patrol)");
            s.execute("CREATE TABLE IF NOT EXISTS folder_file (device TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL, "
                    + "mtime_ms INTEGER NOT NULL, outcome TEXT NOT NULL, sha256 TEXT, at_ms INTEGER NOT NULL, PRIMARY KEY (device, path))");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM photo WHERE state = 'pending'")) {
                pending.set(rs.next() ? rs.getLong(1) : 0);
            }
        }
    }

    /**
     * Records a stored photo as pending, unless the same bytes are recorded already (then that row comes back as a
     * duplicate and nothing changes); with {@code file}, the folder file it came from, in the same transaction.
     */
    synchronized Recorded record(NewPhoto p, @Nullable String folderPath, @Nullable FileStamp stamp) throws SQLException {
        Connection c = connection();
        exec(c, "BEGIN IMMEDIATE");
        try {
            int inserted;
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO photo (sha256, device, patrol, source, name, bytes, width, "
                    + "height, received_ms, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')")) {
                ps.setString(1, p.sha256());
                ps.setString(2, p.deviceId());
                ps.setString(3, p.patrolId());
                ps.setString(4, p.source().label());
                ps.setString(5, p.name());
                ps.setLong(6, p.bytes());
                ps.setInt(7, p.width());
                ps.setInt(8, p.height());
                ps.setLong(9, p.receivedAt().toEpochMilli());
                inserted = ps.executeUpdate();
            }
            PatrolPhoto photo = photo(c, p.sha256()).orElseThrow();
            boolean duplicate = inserted == 0;
            if (folderPath != null && stamp != null) {
                putFolderFile(c, p.deviceId(), folderPath, stamp, duplicate ? "duplicate" : "accepted", p.sha256());
            }
            exec(c, "COMMIT");
            if (!duplicate) {
                pending.incrementAndGet();
            }
            return new Recorded(photo, duplicate);
        } catch (SQLException | RuntimeException e) {
            rollback(c);
            throw e;
        }
    }

    /** A folder file that will not become a photo (not a JPEG, too large …): remembered so it is not read again unless it changes. */
    synchronized void refusedFile(String deviceId, String folderPath, FileStamp stamp, RefusalReason reason) throws SQLException {
        putFolderFile(connection(), deviceId, folderPath, stamp, "refused:" + reason.code(), null);
    }

    /** The stamps of every handled file of one drone's folder, by path relative to the folder. */
    synchronized Map<String, FileStamp> folderFiles(String deviceId) throws SQLException {
        Map<String, FileStamp> out = new HashMap<>();
        try (PreparedStatement ps = connection().prepareStatement("SELECT path, size, mtime_ms FROM folder_file WHERE device = ?")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new FileStamp(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    /** Up to {@code limit} pending photos: fewest failed attempts first, then in the order accepted. */
    synchronized List<PatrolPhoto> pending(int limit) throws SQLException {
        List<PatrolPhoto> out = new ArrayList<>();
        try (PreparedStatement ps = connection().prepareStatement(SELECT + " WHERE state = 'pending' ORDER BY attempts, seq LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    synchronized void done(String sha256, Instant at) throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement("UPDATE photo SET state = 'done', done_ms = ? WHERE sha256 = ? AND state = 'pending'")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, sha256);
            if (ps.executeUpdate() == 1) {
                pending.decrementAndGet();
            }
        }
    }

    /** Counts a failed attempt; at {@code maxAttempts} the photo is marked failed. Returns whether it was. */
    synchronized boolean failedAttempt(String sha256, String error, int maxAttempts, Instant at) throws SQLException {
        Connection c = connection();
        try (PreparedStatement ps = c.prepareStatement("UPDATE photo SET attempts = attempts + 1, last_error = ?, "
                + "state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE state END, done_ms = CASE WHEN attempts + 1 >= ? THEN ? ELSE done_ms END "
                + "WHERE sha256 = ? AND state = 'pending'")) {
            ps.setString(1, error);
            ps.setInt(2, maxAttempts);
            ps.setInt(3, maxAttempts);
            ps.setLong(4, at.toEpochMilli());
            ps.setString(5, sha256);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        boolean failed = state(sha256).filter(FAILED::equals).isPresent();
        if (failed) {
            pending.decrementAndGet();
        }
        return failed;
    }

    /** Photos stored and not yet analysed; no I/O (safe from a metrics scrape). */
    long pendingCount() {
        return pending.get();
    }

    /** A photo's state ({@link #PENDING}, {@link #DONE}, {@link #FAILED}), when it is recorded. */
    synchronized Optional<String> state(String sha256) throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement("SELECT state FROM photo WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    synchronized Optional<PatrolSpan> patrol(String deviceId, String patrolId) throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement(
                "SELECT min(received_ms), max(received_ms), count(*) FROM photo WHERE device = ? AND patrol = ?")) {
            ps.setString(1, deviceId);
            ps.setString(2, patrolId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(3) == 0) {
                    return Optional.empty();
                }
                return Optional.of(new PatrolSpan(deviceId, patrolId, Instant.ofEpochMilli(rs.getLong(1)), Instant.ofEpochMilli(rs.getLong(2)),
                        rs.getInt(3)));
            }
        }
    }

    @Override
    public synchronized void close() {
        Connection c = conn;
        conn = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                throw new IllegalStateException("closing the drone ledger " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static final String SELECT = "SELECT sha256, device, patrol, source, name, bytes, width, height, received_ms FROM photo";

    private Optional<PatrolPhoto> photo(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private PatrolPhoto row(ResultSet rs) throws SQLException {
        String sha = rs.getString(1);
        return new PatrolPhoto(rs.getString(3), rs.getString(2), store.pathOf(sha), sha, Instant.ofEpochMilli(rs.getLong(9)),
                PhotoSource.ofLabel(rs.getString(4)), rs.getString(5), rs.getLong(6), rs.getInt(7), rs.getInt(8));
    }

    private static void putFolderFile(Connection c, String deviceId, String path, FileStamp stamp, String outcome, @Nullable String sha256)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO folder_file (device, path, size, mtime_ms, outcome, sha256, at_ms) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, deviceId);
            ps.setString(2, path);
            ps.setLong(3, stamp.size());
            ps.setLong(4, stamp.mtimeMillis());
            ps.setString(5, outcome);
            ps.setString(6, sha256);
            ps.setLong(7, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    private Connection connection() {
        Connection c = conn;
        if (c == null) {
            throw new IllegalStateException("drone ledger " + file + " is not open");
        }
        return c;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void rollback(Connection c) {
        try {
            exec(c, "ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may have rolled back by itself (SQLITE_FULL); the original error is what the caller sees
        }
    }
}
