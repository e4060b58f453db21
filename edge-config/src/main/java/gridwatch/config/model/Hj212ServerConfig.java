package gridwatch.config.model;

public record Hj212ServerConfig(String bind, Integer port, Integer maxDataBytes, Integer idleSeconds, Boolean acceptModbusCrc) {

    public Hj212ServerConfig {
        bind = bind == null ? "0.0.0.0" : bind;
        port = port == null ? 6000 : port;
        maxDataBytes = maxDataBytes == null ? 1024 : maxDataBytes;
        idleSeconds = idleSeconds == null ? 600 : idleSeconds;
        acceptModbusCrc = acceptModbusCrc != null && acceptModbusCrc;
    }

    @SuppressWarnings("NullAway") // absent YAML fields arrive as null; see package-info
    public static Hj212ServerConfig defaults() {
        return new Hj212ServerConfig(null, null, null, null, null);
    }
}
