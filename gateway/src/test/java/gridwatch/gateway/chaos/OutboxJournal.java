package gridwatch.gateway.chaos;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which alerts the gateway produced, learned from its outbox file rather than from its code. An
 * alert counts as produced once its row is committed to the outbox; the publisher deletes rows
 * once the broker acknowledges them, so the harness adds two triggers to the gateway's own SQLite
 * file: every inserted row's alert id is copied to {@code chaos_produced}, and every deleted one
 * to {@code chaos_removed}, in the same transaction as the gateway's insert or delete. A SIGKILL
 * therefore can never separate "committed" from "journalled". The journal tables have no unique
 * keys, so they can never refuse a write the gateway makes (its sequence numbers restart when the
 * outbox is empty at start).
 *
 * <p>Each call opens its own connection (SQLite WAL lets it read beside the running gateway) and
 * closes it again.
 */
final class OutboxJournal implements Journal {

    private final Path file;

    OutboxJournal(Path file) {
        this.file = file;
    }

    @Override
    public void install() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS chaos_produced (alert_id TEXT NOT NULL, seq INTEGER NOT NULL, at_ms INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS chaos_removed (alert_id TEXT NOT NULL, seq INTEGER NOT NULL, at_ms INTEGER NOT NULL)");
            s.execute("CREATE TRIGGER IF NOT EXISTS chaos_on_insert AFTER INSERT ON outbox BEGIN "
                    + "INSERT INTO chaos_produced VALUES (NEW.alert_id, NEW.seq, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END");
            s.execute("CREATE TRIGGER IF NOT EXISTS chaos_on_delete AFTER DELETE ON outbox BEGIN "
                    + "INSERT INTO chaos_removed VALUES (OLD.alert_id, OLD.seq, CAST(unixepoch('subsec') * 1000 AS INTEGER)); END");
        }
    }

    @Override
    public List<String> produced() throws SQLException {
        return ids("SELECT alert_id FROM chaos_produced ORDER BY rowid");
    }

    @Override
    public long producedCount() throws SQLException {
        return count("SELECT count(*) FROM chaos_produced");
    }

    @Override
    public Map<String, Long> removedAt() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT alert_id, max(at_ms) FROM chaos_removed GROUP BY alert_id")) {
            Map<String, Long> out = new HashMap<>();
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        }
    }

    @Override
    public Set<String> pending() throws SQLException {
        return new HashSet<>(ids("SELECT alert_id FROM outbox"));
    }

    @Override
    public Set<String> deadLettered() throws SQLException {
        boolean exists = count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'dead_letter'") > 0;
        return exists ? new HashSet<>(ids("SELECT alert_id FROM dead_letter")) : Set.of();
    }

    @Override
    public long rowsLeft() throws SQLException {
        return count("SELECT count(*) FROM outbox");
    }

    private List<String> ids(String sql) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=30000");
        }
        return c;
    }
}
