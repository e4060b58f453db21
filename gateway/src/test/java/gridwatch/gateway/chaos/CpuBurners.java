package gridwatch.gateway.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * Busy-loop threads that keep the box's cores saturated for a scenario, as a box decoding and
 * analysing camera streams does: the gateway, the broker and the harness all compete with them.
 * The loop reads a volatile flag, so it has safepoint polls and never stalls this JVM's GC.
 */
final class CpuBurners implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean burning = true;
    private volatile long sink;

    CpuBurners(int count) {
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofPlatform().name("cpu-burner-" + i).daemon(true).start(this::burn));
        }
    }

    private void burn() {
        long x = 1;
        while (burning) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            sink = x;
        }
    }

    @Override
    public void close() throws InterruptedException {
        burning = false;
        for (Thread t : threads) {
            t.join(2000);
        }
    }
}
