package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

/** Servers the gateway runs for devices that connect to it. */
public record IngestConfig(@Nullable Hj212ServerConfig hj212, @Nullable Sl651ServerConfig sl651, @Nullable DroneServerConfig drone) {

    public IngestConfig(@Nullable Hj212ServerConfig hj212, @Nullable Sl651ServerConfig sl651) {
        this(hj212, sl651, null);
    }
}
