package gridwatch.config.model;

import gridwatch.config.Secret;

/** Where readings are stored: InfluxDB through the 1.x write API. */
public record InfluxConfig(String url, String database, String retentionPolicy, Boolean createDatabase, String username,
                           Secret password, String measurement, Integer batchSize, Integer flushMillis, String spoolDirectory,
                           Long spoolMaxBytes) {

    public InfluxConfig {
        createDatabase = createDatabase != null && createDatabase;
        measurement = measurement == null ? "reading" : measurement;
        batchSize = batchSize == null ? 5000 : batchSize;
        flushMillis = flushMillis == null ? 1000 : flushMillis;
        spoolDirectory = spoolDirectory == null ? "var/influx-spool" : spoolDirectory;
        spoolMaxBytes = spoolMaxBytes == null ? 256L * 1024 * 1024 : spoolMaxBytes;
    }
}
