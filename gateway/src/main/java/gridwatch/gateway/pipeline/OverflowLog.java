package gridwatch.gateway.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Says in the log that a full lane refused something, at most every 10 s with the count since the last line, so
 * a flood is visible without the log itself becoming the flood. Any thread; never blocks beyond the log call.
 */
final class OverflowLog {

    private static final Logger LOG = LoggerFactory.getLogger(AlertPipeline.class);
    private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String what;
    private final Level level;
    private final AtomicLong sinceLine = new AtomicLong();
    private final AtomicLong lastLine = new AtomicLong(System.nanoTime() - EVERY_NANOS);

    OverflowLog(String what, Level level) {
        this.what = what;
        this.level = level;
    }

    void dropped(long n, String detail) {
        sinceLine.addAndGet(n);
        long now = System.nanoTime();
        long last = lastLine.get();
        if (now - last >= EVERY_NANOS && lastLine.compareAndSet(last, now)) {
            long count = sinceLine.getAndSet(0);
            LOG.atLevel(level).log("pipeline {} lane full: {} dropped since the last report (latest: {})", what, count, detail);
        }
    }
}
