package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

public record Hj212ServerConfig(String bind, Integer port, Integer maxDataBytes, Integer idleSeconds, Boolean acceptModbusCrc) {

    public Hj212ServerConfig(@Nullable String bind, @Nullable Integer port, @Nullable Integer maxDataBytes,
                             @Nullable Integer idleSeconds, @Nullable Boolean acceptModbusCrc) {
        this.bind = bind == null ? "0.0.0.0" : bind;
        this.port = port == null ? 6000 : port;
        this.maxDataBytes = maxDataBytes == null ? 1024 : maxDataBytes;
        this.idleSeconds = idleSeconds == null ? 600 : idleSeconds;
        this.acceptModbusCrc = acceptModbusCrc != null && acceptModbusCrc;
    }

    public static Hj212ServerConfig defaults() {
        return new Hj212ServerConfig(null, null, null, null, null);
    }
}
