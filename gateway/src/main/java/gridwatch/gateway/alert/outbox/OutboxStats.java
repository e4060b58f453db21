package gridwatch.gateway.alert.outbox;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the outbox for health and metrics.
 *
 * @param depth        rows in the outbox table: committed and not yet acknowledged by the broker
 * @param deadLetters  alerts the broker refused {@code maxAttempts} times, kept in the dead-letter table
 * @param diskFreeBytes what the outbox's file system has left for it (-1 when it cannot be read)
 * @param storageError the last write failure while it persists (e.g. disk full), or null
 */
public record OutboxStats(long depth, long bytes, long maxBytes, long appended, long evicted, long dropped,
                          int waitingInMemory, long deadLetters, long diskFreeBytes, @Nullable String storageError) {

    /**
     * Below this much free space a box is about to refuse alerts, even while some writes still fit in
     * space SQLite already holds: shown before the first failure, and between two failures.
     */
    public static final long DISK_LOW_BYTES = 16L * 1024 * 1024;

    public boolean diskLow() {
        return diskFreeBytes >= 0 && diskFreeBytes < DISK_LOW_BYTES;
    }

    public boolean full() {
        return bytes >= maxBytes * 0.95;
    }
}
