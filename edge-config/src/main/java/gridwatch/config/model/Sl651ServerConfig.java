package gridwatch.config.model;

/** Where the SL 651 server listens for hydrological telemetry stations. */
public record Sl651ServerConfig(String bind, Integer port, Integer idleSeconds) {

    public Sl651ServerConfig {
        bind = bind == null ? "0.0.0.0" : bind;
        port = port == null ? 5005 : port;
        idleSeconds = idleSeconds == null ? 1800 : idleSeconds;
    }

    @SuppressWarnings("NullAway") // absent YAML fields arrive as null; see package-info
    public static Sl651ServerConfig defaults() {
        return new Sl651ServerConfig(null, null, null);
    }
}
