package gridwatch.gateway.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Busy-loop threads that keep the CPU saturated while a reliability test runs, as cameras keep a
 * field box busy: four on CI's two cores. Each spins until {@link #close()}; they are daemons
 * so a failed test cannot leave them running.
 */
public final class CpuBurners implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private volatile long sink;

    public CpuBurners(int count) {
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofPlatform().name("cpu-burner-" + i).daemon(true).start(this::burn));
        }
    }

    private void burn() {
        long x = 1;
        while (running) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            sink = x;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(2000);
        }
    }
}
