package gridwatch.gateway.alert.outbox;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The SQLite file behind the outbox: schema, and the few statements the outbox needs. WAL mode
 * lets the publisher read on its own connection while the writer commits. With
 * {@code synchronous=FULL} each commit is fsync'd before it returns.
 * One instance per connection; not thread-safe.
 */
final class OutboxStore implements AutoCloseable {

    /** What the write-ahead log is cut back to each time SQLite restarts it from its beginning. */
    static final long WAL_KEPT_BYTES = 16L * 1024 * 1024;

    private final Connection conn;
    private @Nullable PreparedStatement insert;
    private @Nullable PreparedStatement measureRows;
    private @Nullable PreparedStatement deleteRows;
    private @Nullable PreparedStatement readAfter;
    private @Nullable PreparedStatement copyToDeadLetter;
    private @Nullable PreparedStatement putIncident;
    private @Nullable PreparedStatement removeIncident;

    OutboxStore(Path file, boolean fsync) throws SQLException {
        Properties props = new Properties();
        // The outbox assigns its own sequence numbers: without this the driver runs a second query after every
        // INSERT to fetch a generated key nobody reads.
        props.setProperty("jdbc.get_generated_keys", "false");
        conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
        try (Statement s = conn.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=" + (fsync ? "FULL" : "NORMAL"));
            // Checkpoints run on their own schedule (see checkpoint()), never inside a commit.
            s.execute("PRAGMA wal_autocheckpoint=0");
            // SQLite never shrinks the log by itself: without a limit, the file keeps the size of its longest stream.
            s.execute("PRAGMA journal_size_limit=" + WAL_KEPT_BYTES);
            s.execute("CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY, alert_id TEXT NOT NULL, "
                    + "source TEXT NOT NULL, severity INTEGER NOT NULL, topic TEXT NOT NULL, payload BLOB NOT NULL, "
                    + "footprint INTEGER NOT NULL)");
            // Column "topic" keeps its name so outboxes written by earlier versions open as they are; it now holds
            // the alert type (see OutboxEntry.alertType), and old rows' whole topics are still sent where they said.
            s.execute("CREATE INDEX IF NOT EXISTS outbox_by_severity ON outbox (severity, seq)");
            // Alerts the broker refused again and again: kept for an operator, never sent again by themselves.
            s.execute("CREATE TABLE IF NOT EXISTS dead_letter (seq INTEGER PRIMARY KEY, alert_id TEXT NOT NULL, "
                    + "source TEXT NOT NULL, severity INTEGER NOT NULL, topic TEXT NOT NULL, payload BLOB NOT NULL, "
                    + "footprint INTEGER NOT NULL, reason TEXT NOT NULL, attempts INTEGER NOT NULL, dead_at TEXT NOT NULL)");
            // Open incidents, each as its last stored alert left it (written in that alert's transaction).
            s.execute("CREATE TABLE IF NOT EXISTS open_incident (key TEXT PRIMARY KEY, state TEXT NOT NULL)");
            // The gateway's own small facts: start count, last sign of life, whether it stopped cleanly.
            s.execute("CREATE TABLE IF NOT EXISTS gateway_state (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }
        addRoutingColumns("outbox");
        addRoutingColumns("dead_letter");
    }

    /**
     * Routing columns (see {@link Routing}), added after the table is made, so a table an earlier version made without
     * them gets them the same way as a new one. Its rows get
     * them from their own payloads, once, here (SQLite's JSON functions: the CloudEvents extensions, or the data for
     * payloads older than those), so an upgraded box routes them like new ones; a row whose payload says nothing is
     * still sent, without those user properties. One transaction: an upgrade cut short leaves the table as it was.
     */
    private void addRoutingColumns(String table) throws SQLException {
        if (hasRoutingColumns(table)) {
            return;
        }
        begin();
        try (Statement s = conn.createStatement()) {
            // Another connection to the same file (the outbox opens three) may have added them meanwhile.
            if (!hasRoutingColumns(table)) {
                s.execute("ALTER TABLE " + table + " ADD COLUMN lifecycle TEXT");
                s.execute("ALTER TABLE " + table + " ADD COLUMN incident_id TEXT");
                s.execute("ALTER TABLE " + table + " ADD COLUMN grid_cell TEXT");
                String json = "CAST(payload AS TEXT)";
                s.execute("UPDATE " + table + " SET "
                        + "lifecycle = COALESCE(json_extract(" + json + ", '$.lifecycle'), json_extract(" + json + ", '$.data.lifecycle')), "
                        + "incident_id = COALESCE(json_extract(" + json + ", '$.incidentid'), json_extract(" + json + ", '$.data.incidentId')), "
                        + "grid_cell = json_extract(" + json + ", '$.data.gridCell.code') "
                        + "WHERE json_valid(" + json + ")");
            }
            commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private boolean hasRoutingColumns(String table) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = 'lifecycle'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    /**
     * Transactions are driven with explicit statements (the JDBC connection stays in auto-commit):
     * after SQLITE_FULL, SQLite may already have rolled the transaction back by itself, and the
     * driver's own transaction bookkeeping would then go astray and let a retry commit row by row.
     */
    void begin() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
    }

    void commit() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("COMMIT");
        }
    }

    void rollbackQuietly() {
        try (Statement s = conn.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException alreadyRolledBack) {
            // SQLite rolled back on its own (e.g. after SQLITE_FULL): nothing of the batch is stored.
        }
        // A statement that failed mid-step (SQLITE_FULL) is left unusable by the driver: prepare anew.
        closeStatements();
    }

    private void closeStatements() {
        for (PreparedStatement ps : new PreparedStatement[] {insert, measureRows, deleteRows, readAfter, copyToDeadLetter, putIncident, removeIncident}) {
            try {
                if (ps != null) {
                    ps.close();
                }
            } catch (SQLException ignored) {
                // already broken; it is being replaced
            }
        }
        insert = null;
        measureRows = null;
        deleteRows = null;
        readAfter = null;
        copyToDeadLetter = null;
        putIncident = null;
        removeIncident = null;
    }

    void setMaxPageCount(long pages) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("PRAGMA max_page_count=" + pages);
        }
    }

    long maxSeq() throws SQLException {
        return scalar("SELECT COALESCE(MAX(seq), 0) FROM outbox");
    }

    long totalFootprint() throws SQLException {
        return scalar("SELECT COALESCE(SUM(footprint), 0) FROM outbox");
    }

    long count() throws SQLException {
        return scalar("SELECT COUNT(*) FROM outbox");
    }

    long deadLetterCount() throws SQLException {
        return scalar("SELECT COUNT(*) FROM dead_letter");
    }

    void insert(OutboxEntry e) throws SQLException {
        if (insert == null) {
            insert = conn.prepareStatement("INSERT INTO outbox (seq, alert_id, source, severity, topic, payload, footprint, "
                    + "lifecycle, incident_id, grid_cell) VALUES (?,?,?,?,?,?,?,?,?,?)");
        }
        insert.setLong(1, e.seq());
        insert.setString(2, e.alertId());
        insert.setString(3, e.source());
        insert.setInt(4, e.severity());
        insert.setString(5, e.alertType());
        insert.setBytes(6, e.payload());
        insert.setLong(7, e.footprint());
        insert.setString(8, e.routing().lifecycle());
        insert.setString(9, e.routing().incidentId());
        insert.setString(10, e.routing().gridCell());
        insert.executeUpdate();
    }

    /**
     * Deletes the given rows; absent ones (already deleted, evicted, dead-lettered) are skipped and
     * not counted, so a second acknowledgement of one row can never be subtracted twice.
     */
    Freed delete(List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return new Freed(0, 0);
        }
        if (measureRows == null || deleteRows == null) {
            // The row numbers go in as one JSON array: two statements per batch instead of one per row (a busy
            // uplink acknowledges thousands of alerts a second, and each statement is a round trip through JNI).
            measureRows = conn.prepareStatement(
                    "SELECT COUNT(*), COALESCE(SUM(footprint), 0) FROM outbox WHERE seq IN (SELECT value FROM json_each(?))");
            deleteRows = conn.prepareStatement("DELETE FROM outbox WHERE seq IN (SELECT value FROM json_each(?))");
        }
        StringBuilder array = new StringBuilder(seqs.size() * 8).append('[');
        for (int i = 0; i < seqs.size(); i++) {
            array.append(i == 0 ? "" : ",").append(seqs.get(i).longValue());
        }
        String json = array.append(']').toString();
        long rows;
        long bytes;
        // Within the caller's transaction, so what is measured is exactly what is deleted: absent rows count nothing.
        measureRows.setString(1, json);
        try (ResultSet rs = measureRows.executeQuery()) {
            rs.next();
            rows = rs.getLong(1);
            bytes = rs.getLong(2);
        }
        deleteRows.setString(1, json);
        deleteRows.executeUpdate();
        return new Freed(rows, bytes);
    }

    /** Moves one row to the dead-letter table (within the caller's transaction); returns what left the outbox. */
    Freed moveToDeadLetter(long seq, String reason, int attempts, String deadAt) throws SQLException {
        if (copyToDeadLetter == null) {
            copyToDeadLetter = conn.prepareStatement("INSERT OR REPLACE INTO dead_letter "
                    + "(seq, alert_id, source, severity, topic, payload, footprint, lifecycle, incident_id, grid_cell, reason, attempts, dead_at) "
                    + "SELECT seq, alert_id, source, severity, topic, payload, footprint, lifecycle, incident_id, grid_cell, ?, ?, ? "
                    + "FROM outbox WHERE seq = ?");
        }
        copyToDeadLetter.setString(1, reason);
        copyToDeadLetter.setInt(2, attempts);
        copyToDeadLetter.setString(3, deadAt);
        copyToDeadLetter.setLong(4, seq);
        if (copyToDeadLetter.executeUpdate() == 0) {
            return new Freed(0, 0);
        }
        return delete(List.of(seq));
    }

    /** Applies an incident's new state (within the caller's transaction): replaced, or deleted when it ended. */
    void apply(IncidentRow row) throws SQLException {
        if (row.state() == null) {
            if (removeIncident == null) {
                removeIncident = conn.prepareStatement("DELETE FROM open_incident WHERE key = ?");
            }
            removeIncident.setString(1, row.key());
            removeIncident.executeUpdate();
        } else {
            if (putIncident == null) {
                putIncident = conn.prepareStatement("INSERT OR REPLACE INTO open_incident (key, state) VALUES (?, ?)");
            }
            putIncident.setString(1, row.key());
            putIncident.setString(2, row.state());
            putIncident.executeUpdate();
        }
    }

    List<IncidentRow> openIncidents() throws SQLException {
        List<IncidentRow> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT key, state FROM open_incident ORDER BY key")) {
            while (rs.next()) {
                out.add(new IncidentRow(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }

    @Nullable String fact(String name) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM gateway_state WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    void setFact(String name, String value) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO gateway_state (name, value) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    /** Rows and bytes that actually left the outbox table. */
    record Freed(long rows, long bytes) {
    }

    /** Whether commits from now on are fsync'd (FULL) or only ordered (NORMAL, WAL). Outside a transaction only. */
    void durableCommits(boolean durable, boolean configuredFsync) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("PRAGMA synchronous=" + (durable && configuredFsync ? "FULL" : "NORMAL"));
        }
    }

    /**
     * Copies committed WAL pages into the database without waiting for anyone (PASSIVE: it stops at
     * the oldest snapshot a reader still holds, and gives up at once when another checkpoint runs).
     */
    void checkpoint() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
    }

    /** Candidates for eviction: strictly less severe than {@code below}, least severe and oldest first. */
    List<long[]> evictionCandidates(int below, int limit) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT seq, footprint, severity FROM outbox WHERE severity < ? ORDER BY severity, seq LIMIT ?")) {
            ps.setInt(1, below);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return out;
    }

    List<OutboxEntry> readAfter(long seq, int limit) throws SQLException {
        if (readAfter == null) {
            readAfter = conn.prepareStatement(
                    "SELECT seq, alert_id, source, severity, topic, payload, lifecycle, incident_id, grid_cell "
                            + "FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?");
        }
        List<OutboxEntry> out = new ArrayList<>(Math.min(limit, 64));
        readAfter.setLong(1, seq);
        readAfter.setInt(2, limit);
        try (ResultSet rs = readAfter.executeQuery()) {
            while (rs.next()) {
                out.add(new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getBytes(6), new Routing(rs.getString(7), rs.getString(8), rs.getString(9))));
            }
        }
        return out;
    }

    private long scalar(String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        closeStatements();
        conn.close();
    }
}
