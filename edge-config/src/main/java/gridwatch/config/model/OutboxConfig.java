package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

/**
 * Where produced alerts wait for the broker's acknowledgement.
 *
 * @param directory absolute once loaded; created at start when missing. When the file sets none, the
 *                  loader puts {@link #DEFAULT_DIRECTORY} next to the config file (null only in a
 *                  config built by hand without one)
 */
public record OutboxConfig(@Nullable Path directory, Long maxBytes, Boolean fsync) {

    /** Relative to the config file, as every path in it. */
    public static final String DEFAULT_DIRECTORY = "var/outbox";

    public OutboxConfig(@Nullable Path directory, @Nullable Long maxBytes, @Nullable Boolean fsync) {
        this.directory = directory;
        this.maxBytes = maxBytes == null ? 256L * 1024 * 1024 : maxBytes;
        this.fsync = fsync == null || fsync;
    }
}
