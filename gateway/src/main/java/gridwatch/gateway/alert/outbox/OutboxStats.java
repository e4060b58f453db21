package gridwatch.gateway.alert.outbox;

/**
 * A snapshot of the outbox for health and metrics.
 *
 * @param depth        rows in the outbox table: committed and not yet acknowledged by the broker
 * @param deadLetters  alerts the broker refused {@code maxAttempts} times, kept in the dead-letter table
 * @param storageError the last write failure while it persists (e.g. disk full), or null
 */
public record OutboxStats(long depth, long bytes, long maxBytes, long appended, long evicted, long dropped,
                          int waitingInMemory, long deadLetters, String storageError) {

    public boolean full() {
        return bytes >= maxBytes * 0.95;
    }
}
