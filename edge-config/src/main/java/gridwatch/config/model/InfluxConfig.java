package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import gridwatch.config.Secret;

import java.nio.file.Path;

/**
 * Where readings are stored: InfluxDB through the 1.x write API.
 *
 * @param spoolDirectory absolute once loaded; created when first needed. When the file sets none, the
 *                       loader puts {@link #DEFAULT_SPOOL_DIRECTORY} next to the config file
 */
public record InfluxConfig(String url, String database, @Nullable String retentionPolicy, Boolean createDatabase, @Nullable String username,
                           @Nullable Secret password, String measurement, Integer batchSize, Integer flushMillis, Path spoolDirectory,
                           Long spoolMaxBytes) {

    /** Relative to the config file, as every path in it. */
    public static final String DEFAULT_SPOOL_DIRECTORY = "var/influx-spool";

    public InfluxConfig(String url, String database, @Nullable String retentionPolicy, @Nullable Boolean createDatabase,
                        @Nullable String username, @Nullable Secret password, @Nullable String measurement,
                        @Nullable Integer batchSize, @Nullable Integer flushMillis, Path spoolDirectory,
                        @Nullable Long spoolMaxBytes) {
        this.url = url;
        this.database = database;
        this.retentionPolicy = retentionPolicy;
        this.createDatabase = createDatabase != null && createDatabase;
        this.username = username;
        this.password = password;
        this.measurement = measurement == null ? "reading" : measurement;
        this.batchSize = batchSize == null ? 5000 : batchSize;
        this.flushMillis = flushMillis == null ? 1000 : flushMillis;
        this.spoolDirectory = spoolDirectory;
        this.spoolMaxBytes = spoolMaxBytes == null ? 256L * 1024 * 1024 : spoolMaxBytes;
    }
}
