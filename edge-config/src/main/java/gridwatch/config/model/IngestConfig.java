package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

/** Servers the gateway runs for devices that connect to it. */
public record IngestConfig(@Nullable Hj212ServerConfig hj212, @Nullable Sl651ServerConfig sl651) {
}
