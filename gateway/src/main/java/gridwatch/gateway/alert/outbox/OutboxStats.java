package gridwatch.gateway.alert.outbox;

/**
 * A snapshot of the outbox for health and metrics.
 *
 * @param storageError the last write failure while it persists (e.g. disk full), or null
 */
public record OutboxStats(long depth, long bytes, long maxBytes, long appended, long evicted, long dropped,
                          int waitingInMemory, String storageError) {

    public boolean full() {
        return bytes >= maxBytes * 0.95;
    }
}
