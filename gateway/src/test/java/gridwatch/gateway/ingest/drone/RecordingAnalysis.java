package gridwatch.gateway.ingest.drone;

import gridwatch.detectors.core.Finding;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link PhotoAnalysis} that records each photo it is handed (and checks the stored file is whole and is the photo
 * its hash says), optionally holding the worker on the n-th photo until released. Finds nothing.
 */
final class RecordingAnalysis implements PhotoAnalysis {

    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final List<PatrolPhoto> finished = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final AtomicInteger started = new AtomicInteger();
    private final int holdOn;
    private final CountDownLatch release = new CountDownLatch(1);

    /** @param holdOn the 1-based number of the photo to hold until {@link #release()}; 0: hold none */
    RecordingAnalysis(int holdOn) {
        this.holdOn = holdOn;
    }

    RecordingAnalysis() {
        this(0);
    }

    @Override
    public List<Finding> analyse(PatrolPhoto photo) throws Exception {
        threads.add(Thread.currentThread().getName());
        calls.computeIfAbsent(photo.sha256(), k -> new AtomicInteger()).incrementAndGet();
        byte[] stored = Files.readAllBytes(photo.storedPath());
        if (!PhotoIntake.sha256(stored).equals(photo.sha256()) || stored.length != photo.bytes()) {
            throw new AssertionError("stored photo " + photo.storedPath() + " is not the photo its hash names");
        }
        if (started.incrementAndGet() == holdOn && !release.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("never released");
        }
        finished.add(photo);
        return List.of();
    }

    void release() {
        release.countDown();
    }

    /** Photos analysed, counting repeats. */
    int total() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
