package gridwatch.gateway.timeseries;

import org.jspecify.annotations.Nullable;

import gridwatch.config.model.InfluxConfig;
import gridwatch.detectors.core.Reading;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Stores every reading (with its quality) in InfluxDB through the 1.x write API: line protocol
 * to {@code /write?db=…}, which InfluxDB 1.x serves natively and 2.x and 3.x serve as their v1
 * compatibility API, so one writer fits all three. Readings are batched ({@code batchSize} or
 * {@code flushMillis}, whichever first). A batch the database refuses or cannot take is spooled
 * to disk; while anything is spooled, new batches are spooled behind it and the spool drains
 * oldest first every two seconds, so points reach the database in order once it is back.
 * {@link #accept} never blocks: past 200,000 queued points, new ones are dropped and counted.
 */
public final class InfluxWriter implements Consumer<Reading>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxWriter.class);
    private static final int QUEUE = 200_000;

    private final InfluxConfig cfg;
    private final InfluxDB db;
    private final LineSpool spool;
    private final BlockingQueue<Reading> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile @Nullable String lastError;
    private volatile boolean running = true;

    public InfluxWriter(InfluxConfig cfg, Path spoolDir) {
        this.cfg = cfg;
        this.db = cfg.username() != null
                // the schema requires a password with a username
                ? InfluxDBFactory.connect(cfg.url(), cfg.username(), new String(Objects.requireNonNull(cfg.password()).reveal()))
                : InfluxDBFactory.connect(cfg.url());
        this.spool = new LineSpool(spoolDir, cfg.spoolMaxBytes());
        this.thread = Thread.ofPlatform().name("influx-writer").daemon(true).unstarted(this::loop);
    }

    public void start() {
        if (cfg.createDatabase()) {
            try {
                db.query(new Query("CREATE DATABASE \"" + cfg.database() + "\""));
            } catch (RuntimeException e) {
                LOG.warn("influxdb: cannot create database {} yet ({}); writes will be spooled and retried", cfg.database(), e.getMessage());
            }
        }
        thread.start();
    }

    @Override
    public void accept(Reading r) {
        if (!queue.offer(r)) {
            dropped.incrementAndGet();
        }
    }

    private void loop() {
        List<Reading> batch = new ArrayList<>(cfg.batchSize());
        long lastFlush = System.nanoTime();
        long lastSpoolTry = 0;
        while (running || !queue.isEmpty()) {
            try {
                Reading r = queue.poll(50, TimeUnit.MILLISECONDS);
                if (r != null) {
                    batch.add(r);
                    queue.drainTo(batch, cfg.batchSize() - batch.size());
                }
                boolean due = batch.size() >= cfg.batchSize()
                        || (!batch.isEmpty() && System.nanoTime() - lastFlush >= cfg.flushMillis() * 1_000_000L);
                if (!spool.isEmpty() && System.nanoTime() - lastSpoolTry > 2_000_000_000L) {
                    lastSpoolTry = System.nanoTime();
                    drainSpool();
                }
                if (due || (!running && !batch.isEmpty())) {
                    write(lines(batch));
                    batch.clear();
                    lastFlush = System.nanoTime();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.error("influx writer: {}", e.toString());
            }
        }
    }

    private List<String> lines(List<Reading> batch) {
        List<String> out = new ArrayList<>(batch.size());
        for (Reading r : batch) {
            Point.Builder p = Point.measurement(cfg.measurement())
                    .time(r.observedAt().toEpochMilli(), TimeUnit.MILLISECONDS)
                    .tag("device", r.deviceId())
                    .tag("resource", r.resource())
                    .tag("unit", r.unit() == null ? "" : r.unit())
                    .tag("quality", r.quality().name());
            // Line protocol has no NaN or infinity (the client would drop the field and the point
            // with it): such a reading, always BAD, keeps its value as text in a field of its own,
            // so "value" stays a float field.
            if (Double.isFinite(r.value())) {
                p.addField("value", r.value());
            } else {
                p.addField("valueText", Double.toString(r.value()));
            }
            out.add(p.build().lineProtocol(TimeUnit.MILLISECONDS));
        }
        return out;
    }

    private void write(List<String> lines) throws Exception {
        if (!spool.isEmpty() || !send(lines)) {
            int lost = spool.add(lines);
            if (lost > 0) {
                dropped.addAndGet(lost);
                LOG.error("influx spool full ({} bytes): {} oldest points dropped", spool.bytes(), lost);
            }
        }
    }

    private void drainSpool() throws Exception {
        var oldest = spool.oldest();
        while (oldest.isPresent()) {
            if (!send(spool.read(oldest.get()))) {
                return;
            }
            spool.remove(oldest.get());
            oldest = spool.oldest();
        }
        LOG.info("influxdb reachable again: spool drained");
    }

    private boolean send(List<String> lines) {
        try {
            db.write(cfg.database(), cfg.retentionPolicy(), InfluxDB.ConsistencyLevel.ONE, TimeUnit.MILLISECONDS, lines);
            written.addAndGet(lines.size());
            if (lastError != null) {
                lastError = null;
            }
            return true;
        } catch (RuntimeException e) {
            if (lastError == null) {
                LOG.warn("influxdb {} unavailable ({}); readings are spooled to disk and retried", cfg.url(), e.getMessage());
            }
            lastError = e.getMessage() == null ? e.toString() : e.getMessage();
            return false;
        }
    }

    public long written() {
        return written.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long spoolBytes() {
        return spool.bytes();
    }

    /** Null while writes succeed. */
    public @Nullable String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.close();
    }
}
