package gridwatch.gateway.alert.outbox;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable queue between alert production and the uplink. An alert counts as produced only
 * when {@link #append} completes: by then it is committed (and fsync'd when configured) in
 * SQLite. Rows leave only when the broker has acknowledged them ({@link #acknowledge}).
 *
 * <p>One writer thread owns all writes and commits whatever has queued up as one transaction
 * (group commit): under load many alerts share one fsync; when idle, an alert is committed
 * alone at once. The publisher reads on its own connection.
 *
 * <p>Bound: the sum of entry footprints stays under {@code maxBytes}. When a new alert does not
 * fit, the least severe, oldest stored alerts strictly less severe than it are evicted; if none
 * are, the new alert is refused ({@link OutboxFullException}). Both are logged at ERROR and
 * counted. When the disk refuses a write (full, read-only), the batch stays in memory and is
 * retried every second; the error shows in {@link #stats()} until a write succeeds.
 *
 * <p>Beside the alerts it keeps what must agree with them after a crash: each open incident's state, written in the
 * transaction of the alert that changed it ({@link OutboxMessage#incident()}), and the gateway's start count and last
 * sign of life ({@link #start()}), so the next start can resume the incidents and knows how long it was away.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int BATCH = 2048;
    /**
     * A commit of this many operations (appends and acknowledgements) means alerts are streaming in, thousands a
     * second: the writer then waits {@link #GATHER_MILLIS} before the next. Below it, as at a few hundred alerts a
     * second, each commit starts as soon as there is something to write and an alert waits for nothing but the disk.
     */
    private static final int BUSY_BATCH = 32;
    private static final long GATHER_MILLIS = 1;
    private static final int MAX_WAITING_IN_MEMORY = 100_000;
    private static final long RECENT_BYTES = 16L * 1024 * 1024;
    /**
     * Past this size of write-ahead log the writer checkpoints between two commits itself. The checkpoint thread's
     * checkpoint runs beside commits, so under a stream it never catches up with the last one, and SQLite starts the
     * log again from its beginning only once a checkpoint has: the log then grows for as long as the stream lasts.
     * Between two commits of the only writer there is nothing newer to catch up with. Not smaller: at 1,000 alerts a
     * second, each committed alone, the log grows by about 20 MB a second, and starting it again every 4 MB raised
     * the median latency from 0.8 to 1.3-1.8 ms (LatencyBench); at 16 MB and 64 MB it stayed at 0.74-0.82 ms.
     */
    static final long WAL_CHECKPOINT_BYTES = 16L * 1024 * 1024;

    /** How often the writer notes that the gateway is alive: the error, at most, in how long a crashed gateway was away. */
    static final int ALIVE_EVERY_SECONDS = 15;
    private static final String BOOTS = "boots";
    private static final String ALIVE_AT = "aliveAt";
    private static final String STOPPED_CLEANLY = "stoppedCleanly";

    private sealed interface Op permits Append, Ack, DeadLetter, Limit, Alive, Forget {
    }

    /** The gateway is alive at {@code at}; {@code stopping}: and is about to close the outbox cleanly. */
    private record Alive(java.time.Instant at, boolean stopping) implements Op {
    }

    private record Forget(List<String> incidentKeys) implements Op {
    }

    private record Append(OutboxMessage message, CompletableFuture<Long> done) implements Op {
    }

    private record Ack(long seq) implements Op {
    }

    private record DeadLetter(long seq, String reason, int attempts) implements Op {
    }

    private record Limit(long pages, CompletableFuture<Void> done) implements Op {
    }

    private final boolean fsync;
    private final OutboxStore writerStore;
    private final OutboxStore readerStore;
    private final OutboxStore checkpointStore;
    private final RecentEntries recent = new RecentEntries(RECENT_BYTES);
    private final long maxBytes;
    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Set<Long> ackedNotDeleted = ConcurrentHashMap.newKeySet();
    private final Thread writer;
    private final Thread checkpointer;
    private final Object committed = new Object();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final java.time.Clock clock;
    private final Path directory;
    private final Path walFile;
    private final OutboxStart start;
    private java.nio.file.@org.jspecify.annotations.Nullable FileStore fileStore;
    private volatile long diskFree = -1;
    private volatile long depth;
    private volatile long bytes;
    private volatile long lastCommittedSeq;
    private volatile @Nullable String storageError;
    private volatile int heldForRetry;
    private volatile boolean running = true;
    private long nextSeq;

    public Outbox(Path directory, long maxBytes, boolean fsync) {
        this(directory, maxBytes, fsync, java.time.Clock.systemUTC());
    }

    public Outbox(Path directory, long maxBytes, boolean fsync, java.time.Clock clock) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.fsync = fsync;
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("outbox.db");
            walFile = directory.resolve("outbox.db-wal");
            writerStore = new OutboxStore(file, fsync);
            readerStore = new OutboxStore(file, fsync);
            checkpointStore = new OutboxStore(file, fsync);
            nextSeq = writerStore.maxSeq() + 1;
            recent.startAfter(nextSeq - 1);
            depth = writerStore.count();
            bytes = writerStore.totalFootprint();
            deadLetters.set(writerStore.deadLetterCount());
            lastCommittedSeq = nextSeq - 1;
            start = begin(writerStore, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create outbox directory " + directory, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open outbox in " + directory + ": " + e.getMessage(), e);
        }
        if (depth > 0) {
            LOG.info("outbox {} holds {} undelivered alerts ({} bytes) from before; they go out first", directory, depth, bytes);
        }
        refreshDiskFree();
        writer = Thread.ofPlatform().name("outbox-writer").daemon(false).start(this::writeLoop);
        checkpointer = Thread.ofPlatform().name("outbox-checkpoint").daemon(true).start(this::checkpointLoop);
    }

    /** Reads what the previous run left and records this start, before any other write. */
    private static OutboxStart begin(OutboxStore store, java.time.Instant now) throws SQLException {
        String boots = store.fact(BOOTS);
        String aliveAt = store.fact(ALIVE_AT);
        long boot = boots == null ? 1 : Long.parseLong(boots) + 1;
        OutboxStart found = new OutboxStart(boot, aliveAt == null ? null : java.time.Instant.parse(aliveAt),
                "true".equals(store.fact(STOPPED_CLEANLY)), store.openIncidents());
        try {
            store.begin();
            store.setFact(BOOTS, Long.toString(boot));
            store.setFact(ALIVE_AT, now.toString());
            store.setFact(STOPPED_CLEANLY, "false");
            store.commit();
        } catch (SQLException e) {
            // A full or read-only disk must not keep the gateway from starting: its alerts wait in memory as ever.
            store.rollbackQuietly();
            LOG.warn("outbox could not note this start ({}); status session numbers may repeat those of start {}", e.getMessage(), boot);
        }
        return found;
    }

    /** What this outbox held from the gateway's previous run, as read when it opened. Any thread. */
    public OutboxStart start() {
        return start;
    }

    /**
     * Deletes the kept state of incidents that will never be ended through an alert (their alert type lost its
     * category). Any thread; never blocks.
     */
    public void forgetIncidents(List<String> keys) {
        if (!keys.isEmpty()) {
            queue.add(new Forget(List.copyOf(keys)));
        }
    }

    /**
     * Stores an alert. The future completes with its sequence number once committed, or
     * exceptionally with {@link OutboxFullException}. Never blocks the caller.
     */
    public CompletableFuture<Long> append(OutboxMessage m) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("outbox closed"));
        } else if (queue.size() >= MAX_WAITING_IN_MEMORY) {
            dropped.incrementAndGet();
            LOG.error("OUTBOX OVERFLOW: {} alerts wait in memory for the disk ({}); alert {} dropped",
                    queue.size(), storageError, m.alertId());
            done.completeExceptionally(new OutboxFullException("outbox memory buffer full while the disk fails"));
        } else {
            queue.add(new Append(m, done));
        }
        return done;
    }

    /** The broker has the message: remove it. Idempotent. Any thread; never blocks. */
    public void acknowledge(long seq) {
        if (ackedNotDeleted.add(seq)) {
            recent.remove(seq);
            queue.add(new Ack(seq));
        }
    }

    /**
     * The broker keeps refusing this alert: move it to the dead-letter table, where it is kept,
     * counted and shown in /health, and from where it is never sent again by itself. Any thread;
     * never blocks. Like {@link #acknowledge}, it is no longer offered by {@link #readAfter}.
     */
    public void deadLetter(long seq, String reason, int attempts) {
        if (ackedNotDeleted.add(seq)) {
            recent.remove(seq);
            queue.add(new DeadLetter(seq, reason, attempts));
        }
    }

    /**
     * Committed, unacknowledged entries after {@code seq}, in order. Fresh entries come from
     * memory; the database is read only when catching up (after a restart or a long outage).
     * Publisher thread only.
     */
    public List<OutboxEntry> readAfter(long seq, int limit) {
        List<OutboxEntry> cached = recent.after(seq, limit);
        if (cached != null) {
            return cached;
        }
        try {
            List<OutboxEntry> rows;
            synchronized (readerStore) {
                rows = readerStore.readAfter(seq, limit);
            }
            if (ackedNotDeleted.isEmpty()) {
                return rows;
            }
            List<OutboxEntry> out = new ArrayList<>(rows.size());
            for (OutboxEntry e : rows) {
                if (!ackedNotDeleted.contains(e.seq())) {
                    out.add(e);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("outbox read failed: " + e.getMessage(), e);
        }
    }

    /** Waits until something after {@code seq} is committed, or the timeout passes. */
    public void awaitCommittedAfter(long seq, long timeoutMillis) throws InterruptedException {
        synchronized (committed) {
            if (lastCommittedSeq <= seq) {
                committed.wait(timeoutMillis);
            }
        }
    }

    public OutboxStats stats() {
        return new OutboxStats(depth, bytes, maxBytes, appended.get(), evicted.get(), dropped.get(), queue.size() + heldForRetry,
                deadLetters.get(), diskFree, storageError);
    }

    /**
     * Reads the usable space on the outbox's file system. Called once a second by the checkpoint
     * thread, never per alert: {@code stats()} is read for every alert produced, and finding the file
     * store means reading the mount table.
     */
    private void refreshDiskFree() {
        try {
            if (fileStore == null) {
                fileStore = Files.getFileStore(directory);
            }
            diskFree = fileStore.getUsableSpace();
        } catch (IOException | RuntimeException e) {
            diskFree = -1;
        }
    }

    /**
     * Caps the database at {@code pages} pages (SQLite {@code max_page_count}); a write past it
     * fails as on a full disk. Used by tests and drills to rehearse a full disk.
     */
    public CompletableFuture<Void> limitPages(long pages) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Limit(pages, done));
        return done;
    }

    private void writeLoop() {
        List<Op> batch = new ArrayList<>(BATCH);
        long backoffMillis = 0;
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Op first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                }
                queue.drainTo(batch, BATCH - batch.size());
                commit(batch);
                boundLog();
                boolean busy = batch.size() >= BUSY_BATCH;
                batch.clear();
                backoffMillis = 0;
                if (busy && running) {
                    // Under a stream, let the next batch gather (PostgreSQL's commit_delay, for the same reason):
                    // one commit then writes the shared pages (the table's last leaf, the index, the free list)
                    // once for many alerts, and appends and acknowledgements queue up without waking this thread.
                    Thread.sleep(GATHER_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SQLException e) {
                writerStore.rollbackQuietly();
                LOG.debug("outbox batch of {} failed: {}", batch.size(), e.getMessage());
                if (storageError == null) {
                    LOG.error("OUTBOX STORAGE FAILING: {} - {} alerts held in memory and retried; nothing is dropped yet",
                            e.getMessage(), batch.size() + queue.size());
                }
                storageError = e.getMessage();
                heldForRetry = batch.size();
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 250), 2000);
                if (!running) {
                    break;
                }
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        for (Op op : batch) {
            if (op instanceof Append a) {
                a.done().completeExceptionally(new IllegalStateException("outbox closed before commit"));
            }
        }
    }

    /**
     * Checkpoints on the writer's own connection once the log has grown past {@link #WAL_CHECKPOINT_BYTES}: run between
     * two commits, it copies everything committed, so the next commit starts the log again from its beginning (and
     * {@code journal_size_limit} cuts the file back). A failure here costs nothing but a bigger log: it is logged
     * and the next commit tries again. Writer thread; blocks for the checkpoint's copy and fsync, a few milliseconds
     * once per 16 MB of log (every several thousand alerts under a stream). Never waits for the checkpoint thread: when
     * that one is checkpointing, this one gives up at once (SQLite answers busy) and the next commit tries again.
     */
    private void boundLog() {
        try {
            if (Files.size(walFile) > WAL_CHECKPOINT_BYTES) {
                writerStore.checkpoint();
            }
        } catch (java.nio.file.NoSuchFileException noLogYet) {
            // nothing to bound
        } catch (IOException | SQLException e) {
            LOG.debug("outbox checkpoint on the writer: {}", e.getMessage());
        }
    }

    /**
     * Moves committed WAL pages into the database file once a second, on a connection of its own, so that while
     * alerts trickle in neither commits nor the publisher's reads wait for a checkpoint. Under a stream this one
     * falls behind and the writer's own ({@link #boundLog}) keeps the log bounded.
     */
    private void checkpointLoop() {
        long ticks = 0;
        while (running) {
            try {
                Thread.sleep(1000);
                refreshDiskFree();
                if (++ticks % ALIVE_EVERY_SECONDS == 0) {
                    queue.add(new Alive(clock.instant(), false));
                }
                checkpointStore.checkpoint();
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                LOG.debug("outbox checkpoint: {}", e.getMessage());
            }
        }
    }

    /**
     * One transaction; on failure nothing of it is applied and the caller retries the same batch.
     * Only a batch that stores alerts is fsync'd: losing a batch of deletions to a power cut only
     * means those alerts are delivered once more, with the same ids.
     */
    private void commit(List<Op> batch) throws SQLException {
        boolean storesAlerts = false;
        for (Op op : batch) {
            storesAlerts |= op instanceof Append;
        }
        writerStore.durableCommits(storesAlerts, fsync);
        long seq = nextSeq;
        long newBytes = bytes;
        long newDepth = depth;
        long evictedNow = 0;
        long deadNow = 0;
        List<Long> acks = new ArrayList<>();
        List<Append> stored = new ArrayList<>();
        List<OutboxEntry> storedEntries = new ArrayList<>();
        List<Append> refused = new ArrayList<>();
        // Incident rows by key, the last one of the batch wins: each row replaces (or deletes) its key's whole state,
        // so writing only the last per key leaves what writing them all in order would, in one statement instead of
        // one per alert (a busy incident's START, UPDATEs and END in one commit).
        Map<String, IncidentChange> incidentRows = new LinkedHashMap<>();
        writerStore.begin();
        // Storage settings first: a limit raised to relieve a full disk must apply before the retried appends.
        for (Op op : batch) {
            if (op instanceof Limit l) {
                writerStore.setMaxPageCount(l.pages());
            }
        }
        for (Op op : batch) {
            switch (op) {
                case Ack a -> acks.add(a.seq());
                case Limit l -> { }
                case Alive a -> {
                    writerStore.setFact(ALIVE_AT, a.at().toString());
                    writerStore.setFact(STOPPED_CLEANLY, Boolean.toString(a.stopping()));
                }
                case Forget f -> {
                    for (String key : f.incidentKeys()) {
                        incidentRows.put(key, new IncidentRow(key, null));
                    }
                }
                case DeadLetter d -> {
                    OutboxStore.Freed moved = writerStore.moveToDeadLetter(d.seq(), d.reason(), d.attempts(), clock.instant().toString());
                    newBytes -= moved.bytes();
                    newDepth -= moved.rows();
                    deadNow += moved.rows();
                }
                case Append a -> {
                    if (!acks.isEmpty()) {
                        // Free acknowledged rows first so they never count as a reason to evict.
                        OutboxStore.Freed freed = writerStore.delete(acks);
                        newBytes -= freed.bytes();
                        newDepth -= freed.rows();
                        acks.clear();
                    }
                    OutboxEntry e = new OutboxEntry(seq, a.message().alertId(), a.message().source(),
                            a.message().severity(), a.message().alertType(), a.message().payload(), a.message().routing());
                    long need = newBytes + e.footprint() - maxBytes;
                    if (need > 0) {
                        long freed = 0;
                        List<Long> victims = new ArrayList<>();
                        for (long[] c : writerStore.evictionCandidates(e.severity(), 4096)) {
                            if (freed >= need) {
                                break;
                            }
                            victims.add(c[0]);
                            freed += c[1];
                        }
                        if (freed < need) {
                            refused.add(a);
                            continue;
                        }
                        OutboxStore.Freed gone = writerStore.delete(victims);
                        victims.forEach(recent::remove);
                        newBytes -= gone.bytes();
                        newDepth -= gone.rows();
                        evictedNow += gone.rows();
                    }
                    writerStore.insert(e);
                    IncidentChange incident = a.message().incident();
                    String incidentKey = incident == null ? null : keyOf(incident);
                    if (incidentKey != null) {
                        incidentRows.put(incidentKey, incident);
                    }
                    newBytes += e.footprint();
                    newDepth++;
                    stored.add(a);
                    storedEntries.add(e);
                    seq++;
                }
            }
        }
        if (!acks.isEmpty()) {
            OutboxStore.Freed freed = writerStore.delete(acks);
            newBytes -= freed.bytes();
            newDepth -= freed.rows();
        }
        for (Map.Entry<String, IncidentChange> change : incidentRows.entrySet()) {
            IncidentRow row;
            try {
                row = Objects.requireNonNull(change.getValue().row(), "no row");   // rendered here, for the last change only
            } catch (RuntimeException e) {
                // The alert is stored all the same. The incident's earlier kept state goes, so that a restart never
                // resumes it from a state older than alerts already sent (its END may be among the changes replaced).
                LOG.error("incident {}: its state could not be rendered for keeping ({}); the alert is stored, "
                        + "a restart will not resume the incident", change.getKey(), e.toString(), e);
                row = new IncidentRow(change.getKey(), null);
            }
            writerStore.apply(row);
        }
        writerStore.commit();
        // Committed: publish the new state (storage health first), then complete futures.
        if (storageError != null) {
            LOG.warn("outbox storage recovered; the {} alerts held in memory are now on disk", heldForRetry);
            storageError = null;
        }
        heldForRetry = 0;
        for (Op op : batch) {
            if (op instanceof Ack a) {
                ackedNotDeleted.remove(a.seq());
            } else if (op instanceof DeadLetter d) {
                ackedNotDeleted.remove(d.seq());
            } else if (op instanceof Limit l) {
                l.done().complete(null);
            }
        }
        nextSeq = seq;
        bytes = newBytes;
        depth = newDepth;
        appended.addAndGet(stored.size());
        if (deadNow > 0) {
            deadLetters.addAndGet(deadNow);
        }
        if (evictedNow > 0) {
            evicted.addAndGet(evictedNow);
            LOG.error("OUTBOX FULL ({} of {} bytes): evicted {} less severe undelivered alerts to keep more severe ones",
                    newBytes, maxBytes, evictedNow);
        }
        long first = seq - stored.size();
        recent.addAll(storedEntries);
        for (int i = 0; i < stored.size(); i++) {
            stored.get(i).done().complete(first + i);
        }
        for (Append a : refused) {
            dropped.incrementAndGet();
            LOG.error("OUTBOX FULL ({} of {} bytes) of alerts at least as severe: alert {} (severity {}) dropped",
                    newBytes, maxBytes, a.message().alertId(), a.message().severity());
            a.done().completeExceptionally(new OutboxFullException("outbox full"));
        }
        if (!stored.isEmpty()) {
            synchronized (committed) {
                lastCommittedSeq = seq - 1;
                committed.notifyAll();
            }
        }
    }

    /** The change's key, or null (logged) when it cannot tell: the alert is stored and its incident not kept. */
    private static @Nullable String keyOf(IncidentChange change) {
        try {
            return change.key();
        } catch (RuntimeException e) {
            LOG.error("an incident change could not name its key ({}); its alert is stored, the incident not kept", e.toString(), e);
            return null;
        }
    }

    /** Notes a clean stop (the last sign of life, now), writes what is queued, and closes. */
    @Override
    public void close() {
        queue.add(new Alive(clock.instant(), true));
        running = false;
        checkpointer.interrupt();
        try {
            writer.join(10_000);
            checkpointer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writerStore.close();
            readerStore.close();
            checkpointStore.close();
        } catch (SQLException e) {
            LOG.warn("closing outbox: {}", e.getMessage());
        }
    }
}
