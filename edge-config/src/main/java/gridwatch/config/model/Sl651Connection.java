package gridwatch.config.model;

/** A hydrological telemetry station that reports to the gateway's SL 651 server: its 5-byte address and 2-byte password, in hex. */
public record Sl651Connection(String station, String password) implements ConnectionConfig {

    public Sl651Connection {
        station = station == null ? null : station.toUpperCase(java.util.Locale.ROOT);
        password = password == null ? null : password.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Sl651Connection[station=" + station + ", password=***]";
    }
}
