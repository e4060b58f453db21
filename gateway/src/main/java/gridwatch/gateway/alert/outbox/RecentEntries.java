package gridwatch.gateway.alert.outbox;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The newest committed, unacknowledged entries, kept in memory up to a byte budget so the
 * publisher need not read back from SQLite what was just written. When the budget overflows the
 * oldest entries leave memory (not the outbox) and {@link #after} answers null for any cursor
 * below them, sending the publisher to the database.
 *
 * <p>Stored entries have consecutive sequence numbers, so they sit in a ring indexed by sequence number, from the
 * oldest still held ({@code head}) to the next to come ({@code tail}); an acknowledged entry leaves a hole that the
 * head passes once everything before it is gone. Three threads touch it for every alert (the writer adds, a Paho
 * thread removes, the publisher reads), each briefly, under one lock: cheaper than the concurrent skip list it
 * replaces, which allocated a node, index levels and a boxed key per entry.
 * Writer adds; anyone removes; thread-safe.
 */
final class RecentEntries {

    /**
     * Most slots from head to tail: one old entry never acknowledged (a refused alert waiting out its backoff) would
     * otherwise keep the head, and the ring would grow by every entry after it. Past this span the oldest entries
     * leave memory as when the byte budget overflows.
     */
    static final int MAX_SPAN = 1 << 18;

    private final long budget;
    private final int maxSpan;
    private @Nullable OutboxEntry[] ring = new OutboxEntry[1024];
    /** Sequence number of the oldest slot in the ring. */
    private long head = 1;
    /** Sequence number the next entry will have. */
    private long tail = 1;
    private long bytes;
    /** Every unacknowledged entry with a higher seq is in memory; entries at or below may be on disk only. */
    private long floor;

    RecentEntries(long budget) {
        this(budget, MAX_SPAN);
    }

    RecentEntries(long budget, int maxSpan) {
        this.budget = budget;
        this.maxSpan = maxSpan;
    }

    /** Entries up to {@code seq} exist only on disk (those found at start-up). */
    synchronized void startAfter(long seq) {
        java.util.Arrays.fill(ring, null);
        floor = seq;
        head = seq + 1;
        tail = seq + 1;
        bytes = 0;
    }

    /** Entries just committed, in sequence order. */
    synchronized void addAll(List<OutboxEntry> entries) {
        for (OutboxEntry e : entries) {
            add(e);
        }
    }

    synchronized void add(OutboxEntry e) {
        if (e.seq() < tail) {
            return;   // never happens: the writer stores each sequence number once, in order
        }
        if (e.seq() > tail) {
            // Never happens either (stored sequence numbers are consecutive); if it did, memory answers from here on
            // and everything before goes to the database, which is always right.
            startAfter(e.seq() - 1);
        }
        while (tail + 1 - head > maxSpan) {
            dropOldest();
        }
        if (tail + 1 - head > ring.length) {
            grow();
        }
        ring[slot(tail)] = e;
        tail++;
        bytes += e.footprint();
        while (bytes > budget && head < tail) {
            dropOldest();
        }
        skipHoles();
    }

    synchronized void remove(long seq) {
        if (seq < head || seq >= tail) {
            return;
        }
        int i = slot(seq);
        OutboxEntry e = ring[i];
        if (e != null) {
            ring[i] = null;
            bytes -= e.footprint();
            skipHoles();
        }
    }

    /** Up to {@code limit} entries after {@code seq} in order, or null when memory cannot answer for that range. */
    synchronized @Nullable List<OutboxEntry> after(long seq, int limit) {
        if (seq < floor) {
            return null;
        }
        List<OutboxEntry> out = new ArrayList<>(Math.min(limit, 64));
        for (long s = Math.max(seq + 1, head); s < tail && out.size() < limit; s++) {
            OutboxEntry e = ring[slot(s)];
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** The oldest slot leaves memory, held entry or hole; readers below it go to disk. */
    private void dropOldest() {
        int i = slot(head);
        OutboxEntry e = ring[i];
        if (e != null) {
            ring[i] = null;
            bytes -= e.footprint();
        }
        floor = Math.max(floor, head);
        head++;
        skipHoles();
    }

    private void skipHoles() {
        while (head < tail && ring[slot(head)] == null) {
            head++;
        }
    }

    private void grow() {
        @Nullable OutboxEntry[] bigger = new OutboxEntry[ring.length * 2];
        for (long s = head; s < tail; s++) {
            bigger[(int) (s & (bigger.length - 1))] = ring[slot(s)];
        }
        ring = bigger;
    }

    private int slot(long seq) {
        return (int) (seq & (ring.length - 1));
    }
}
