package gridwatch.config.model;

/** Where produced alerts wait for the broker's acknowledgement. */
public record OutboxConfig(String directory, Long maxBytes, Boolean fsync) {

    public OutboxConfig {
        directory = directory == null ? "var/outbox" : directory;
        maxBytes = maxBytes == null ? 256L * 1024 * 1024 : maxBytes;
        fsync = fsync == null || fsync;
    }
}
