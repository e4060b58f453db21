package gridwatch.gateway.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Leak reports collected across the test JVM. Static because Netty creates its leak detectors
 * reflectively, with no way to hand them an instance; only test code uses it.
 */
final class LeakLedger {

    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();

    private LeakLedger() {
    }

    static void record(String report) {
        LEAKS.add(report);
    }

    /** Takes every report so far. */
    static List<String> drain() {
        List<String> out = new ArrayList<>();
        for (String s; (s = LEAKS.poll()) != null; ) {
            out.add(s);
        }
        return out;
    }
}
