package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

/** Where the SL 651 server listens for hydrological telemetry stations. */
public record Sl651ServerConfig(String bind, Integer port, Integer idleSeconds) {

    public Sl651ServerConfig(@Nullable String bind, @Nullable Integer port, @Nullable Integer idleSeconds) {
        this.bind = bind == null ? "0.0.0.0" : bind;
        this.port = port == null ? 5005 : port;
        this.idleSeconds = idleSeconds == null ? 1800 : idleSeconds;
    }

    public static Sl651ServerConfig defaults() {
        return new Sl651ServerConfig(null, null, null);
    }
}
