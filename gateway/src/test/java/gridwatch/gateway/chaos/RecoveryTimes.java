package gridwatch.gateway.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Recovery times of one scenario: from the moment the fault is over (the broker accepts
 * connections again, the link passes bytes again, the gateway answers again) to the first alert
 * the center had not seen before. A recovery that never came within the bound counts as missed.
 * Harness thread only.
 */
final class RecoveryTimes {

    private final List<Long> millis = new ArrayList<>();
    private int missed;

    /**
     * Waits, up to {@code bound}, for the first new alert after {@code sinceNanos}; records and
     * returns whether it came.
     */
    boolean await(ChaosSubscriber center, long sinceNanos, Duration bound) throws InterruptedException {
        long deadline = sinceNanos + bound.toNanos();
        while (System.nanoTime() < deadline) {
            long took = center.firstNewAfter(sinceNanos);
            if (took >= 0) {
                millis.add(took / 1_000_000);
                return true;
            }
            Thread.sleep(20);
        }
        missed++;
        return false;
    }

    int count() {
        return millis.size();
    }

    int missed() {
        return missed;
    }

    /** Nearest-rank percentile in milliseconds, or -1 with no recoveries. */
    long percentile(double p) {
        if (millis.isEmpty()) {
            return -1;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    long max() {
        return percentile(100);
    }

    List<Long> all() {
        return List.copyOf(millis);
    }
}
