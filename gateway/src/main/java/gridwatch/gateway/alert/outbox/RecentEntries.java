package gridwatch.gateway.alert.outbox;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The newest committed, unacknowledged entries, kept in memory up to a byte budget so the
 * publisher need not read back from SQLite what was just written. When the budget overflows the
 * oldest entries leave memory (not the outbox) and {@link #after} answers null for any cursor
 * below them, sending the publisher to the database. Writer adds; anyone removes; thread-safe.
 */
final class RecentEntries {

    private final long budget;
    private final ConcurrentSkipListMap<Long, OutboxEntry> bySeq = new ConcurrentSkipListMap<>();
    private final AtomicLong bytes = new AtomicLong();
    /** Every unacknowledged entry with a higher seq is in memory; entries at or below may be on disk only. */
    private volatile long floor;

    RecentEntries(long budget) {
        this.budget = budget;
    }

    /** Entries up to {@code seq} exist only on disk (those found at start-up). */
    void startAfter(long seq) {
        floor = seq;
    }

    void add(OutboxEntry e) {
        bySeq.put(e.seq(), e);
        long total = bytes.addAndGet(e.footprint());
        while (total > budget) {
            Map.Entry<Long, OutboxEntry> oldest = bySeq.firstEntry();
            if (oldest == null) {
                break;
            }
            // Raise the floor before the entry leaves, so a reader that saw it gone also sees the floor.
            floor = Math.max(floor, oldest.getKey());
            if (bySeq.remove(oldest.getKey(), oldest.getValue())) {
                total = bytes.addAndGet(-oldest.getValue().footprint());
            } else {
                total = bytes.get();
            }
        }
    }

    void remove(long seq) {
        OutboxEntry e = bySeq.remove(seq);
        if (e != null) {
            bytes.addAndGet(-e.footprint());
        }
    }

    /** Up to {@code limit} entries after {@code seq} in order, or null when memory cannot answer for that range. */
    @Nullable List<OutboxEntry> after(long seq, int limit) {
        if (seq < floor) {
            return null;
        }
        List<OutboxEntry> out = new ArrayList<>(Math.min(limit, 64));
        for (OutboxEntry e : bySeq.tailMap(seq, false).values()) {
            if (out.size() == limit) {
                break;
            }
            out.add(e);
        }
        return seq < floor ? null : out;
    }
}
