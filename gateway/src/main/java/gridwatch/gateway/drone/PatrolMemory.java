package gridwatch.gateway.drone;

import gridwatch.detectors.vision.Box;
import gridwatch.drone.change.PriorSighting;
import gridwatch.drone.detect.KnownObject;
import gridwatch.geo.earth.LatLon;
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

/**
 * What the drone analysis remembers across photos and restarts (SQLite {@code analysis.db} beside the ledger, WAL):
 * every analysed photo with its pose as judged and its footprint's bounds, every object a patrol found with where it
 * was first located, every sighting (object, photo, box), and the change verdicts already given. A photo's rows are
 * written before its findings are handed over, and {@link #forget} removes them when the photo is analysed again
 * (after a crash), so the same photo always gives the same objects and keys.
 *
 * <p>One connection, used only on the {@code drone-analysis} thread; every method blocks on disk I/O.
 */
final class PatrolMemory implements AutoCloseable {

    private final Path file;
    private @Nullable Connection conn;

    /** A photo as remembered: enough to find it again, re-read it and trust its yaw as judged. */
    record Seen(String sha256, String deviceId, String patrolId, Path path, long capturedMs, double yawDeg, String yawTrust,
                double minLat, double minLon, double maxLat, double maxLon, String searched) {
    }

    PatrolMemory(Path file) {
        this.file = file;
    }

    void open() throws SQLException {
        if (conn != null) {
            return;
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        conn = c;
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("CREATE TABLE IF NOT EXISTS photo (sha256 TEXT PRIMARY KEY, device TEXT NOT NULL, patrol TEXT NOT NULL, path TEXT NOT NULL, "
                    + "captured_ms INTEGER NOT NULL, yaw REAL NOT NULL, yaw_trust TEXT NOT NULL, min_lat REAL NOT NULL, min_lon REAL NOT NULL, "
                    + "max_lat REAL NOT NULL, max_lon REAL NOT NULL, searched TEXT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS photo_by_patrol ON photo (device, patrol)");
            s.execute("CREATE TABLE IF NOT EXISTS object (key TEXT PRIMARY KEY, device TEXT NOT NULL, patrol TEXT NOT NULL, grp TEXT NOT NULL, "
                    + "lat REAL NOT NULL, lon REAL NOT NULL, r REAL NOT NULL, first_sha TEXT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS object_by_patrol ON object (device, patrol)");
            s.execute("CREATE TABLE IF NOT EXISTS sighting (sha256 TEXT NOT NULL, key TEXT NOT NULL, grp TEXT NOT NULL, label TEXT NOT NULL, "
                    + "score REAL NOT NULL, x1 REAL NOT NULL, y1 REAL NOT NULL, x2 REAL NOT NULL, y2 REAL NOT NULL, lat REAL NOT NULL, "
                    + "lon REAL NOT NULL, r REAL NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS sighting_by_photo ON sighting (sha256)");
            s.execute("CREATE TABLE IF NOT EXISTS verdict (patrol TEXT NOT NULL, key TEXT NOT NULL, verdict TEXT NOT NULL, sha256 TEXT NOT NULL, "
                    + "PRIMARY KEY (patrol, key))");
        }
    }

    /** Removes what an earlier analysis of this photo left (it is being analysed again). */
    void forget(String sha256) throws SQLException {
        for (String sql : List.of("DELETE FROM sighting WHERE sha256 = ?", "DELETE FROM object WHERE first_sha = ?",
                "DELETE FROM verdict WHERE sha256 = ?", "DELETE FROM photo WHERE sha256 = ?")) {
            try (PreparedStatement ps = c().prepareStatement(sql)) {
                ps.setString(1, sha256);
                ps.executeUpdate();
            }
        }
    }

    void photo(Seen p) throws SQLException {
        try (PreparedStatement ps = c().prepareStatement("INSERT OR REPLACE INTO photo VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.sha256());
            ps.setString(2, p.deviceId());
            ps.setString(3, p.patrolId());
            ps.setString(4, p.path().toString());
            ps.setLong(5, p.capturedMs());
            ps.setDouble(6, p.yawDeg());
            ps.setString(7, p.yawTrust());
            ps.setDouble(8, p.minLat());
            ps.setDouble(9, p.minLon());
            ps.setDouble(10, p.maxLat());
            ps.setDouble(11, p.maxLon());
            ps.setString(12, p.searched());
            ps.executeUpdate();
        }
    }

    /** Located photos whose footprint bounds meet the given bounds: of this patrol ({@code samePatrol}) or of every other one. */
    List<Seen> photosNear(String deviceId, String patrolId, boolean samePatrol, double minLat, double minLon, double maxLat, double maxLon)
            throws SQLException {
        String where = samePatrol ? "device = ? AND patrol = ?" : "NOT (device = ? AND patrol = ?)";
        List<Seen> out = new ArrayList<>();
        try (PreparedStatement ps = c().prepareStatement("SELECT * FROM photo WHERE " + where
                + " AND max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ? ORDER BY captured_ms DESC")) {
            ps.setString(1, deviceId);
            ps.setString(2, patrolId);
            ps.setDouble(3, minLat);
            ps.setDouble(4, maxLat);
            ps.setDouble(5, minLon);
            ps.setDouble(6, maxLon);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Seen(rs.getString(1), rs.getString(2), rs.getString(3), Path.of(rs.getString(4)), rs.getLong(5), rs.getDouble(6),
                            rs.getString(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getDouble(11), rs.getString(12)));
                }
            }
        }
        return out;
    }

    void object(String key, String deviceId, String patrolId, String group, LatLon at, double r, String firstSha) throws SQLException {
        try (PreparedStatement ps = c().prepareStatement("INSERT OR REPLACE INTO object VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, deviceId);
            ps.setString(3, patrolId);
            ps.setString(4, group);
            ps.setDouble(5, at.lat());
            ps.setDouble(6, at.lon());
            ps.setDouble(7, r);
            ps.setString(8, firstSha);
            ps.executeUpdate();
        }
    }

    List<KnownObject> objects(String deviceId, String patrolId) throws SQLException {
        List<KnownObject> out = new ArrayList<>();
        try (PreparedStatement ps = c().prepareStatement("SELECT key, grp, lat, lon, r FROM object WHERE device = ? AND patrol = ?")) {
            ps.setString(1, deviceId);
            ps.setString(2, patrolId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new KnownObject(rs.getString(1), rs.getString(2), new LatLon(rs.getDouble(3), rs.getDouble(4)), rs.getDouble(5)));
                }
            }
        }
        return out;
    }

    void sighting(String sha256, String key, String group, String label, float score, Box b, LatLon at, double r) throws SQLException {
        try (PreparedStatement ps = c().prepareStatement("INSERT INTO sighting VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, sha256);
            ps.setString(2, key);
            ps.setString(3, group);
            ps.setString(4, label);
            ps.setDouble(5, score);
            ps.setDouble(6, b.x1());
            ps.setDouble(7, b.y1());
            ps.setDouble(8, b.x2());
            ps.setDouble(9, b.y2());
            ps.setDouble(10, at.lat());
            ps.setDouble(11, at.lon());
            ps.setDouble(12, r);
            ps.executeUpdate();
        }
    }

    List<PriorSighting> sightings(String sha256) throws SQLException {
        List<PriorSighting> out = new ArrayList<>();
        try (PreparedStatement ps = c().prepareStatement("SELECT key, grp, label, x1, y1, x2, y2, lat, lon, r FROM sighting WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PriorSighting(rs.getString(1), rs.getString(2), rs.getString(3), new Box(rs.getFloat(4), rs.getFloat(5),
                            rs.getFloat(6), rs.getFloat(7)), new LatLon(rs.getDouble(8), rs.getDouble(9)), rs.getDouble(10)));
                }
            }
        }
        return out;
    }

    /** Records a change verdict on an object for a patrol unless one was given already; returns whether this one is the first. */
    boolean verdict(String patrolId, String key, String verdict, String sha256) throws SQLException {
        try (PreparedStatement ps = c().prepareStatement("INSERT OR IGNORE INTO verdict VALUES (?, ?, ?, ?)")) {
            ps.setString(1, patrolId);
            ps.setString(2, key);
            ps.setString(3, verdict);
            ps.setString(4, sha256);
            return ps.executeUpdate() == 1;
        }
    }

    private Connection c() {
        Connection c = conn;
        if (c == null) {
            throw new IllegalStateException("drone analysis memory " + file + " is not open");
        }
        return c;
    }

    @Override
    public void close() {
        Connection c = conn;
        conn = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                throw new IllegalStateException("closing " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
