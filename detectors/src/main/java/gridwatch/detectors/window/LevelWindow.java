package gridwatch.detectors.window;

import java.util.Arrays;

/**
 * Sound levels (dB) over a sliding time window, with the energy sum kept incrementally so Leq
 * costs O(1) per sample, and the maximum kept with a monotonic queue (O(1) amortised).
 * Percentiles sort a copy and are meant for the rare moment a finding is written.
 * Times are epoch milliseconds and must not go backwards (an older sample is ignored).
 * Not thread-safe: one per rule instance, on the pipeline thread.
 */
public final class LevelWindow {

    private final long spanMillis;
    private long[] times = new long[64];
    private double[] levels = new double[64];
    private double[] energy = new double[64];
    private int head;
    private int size;
    private double energySum;
    private int sinceResum;
    // Monotonic queue of indices into the ring, levels decreasing: its head is the window max.
    private int[] maxQ = new int[64];
    private int maxHead;
    private int maxSize;

    public LevelWindow(long spanMillis) {
        this.spanMillis = spanMillis;
    }

    public void add(long timeMillis, double level) {
        if (size > 0 && timeMillis < times[index(size - 1)]) {
            return;
        }
        if (size == times.length) {
            grow();
        }
        int i = index(size);
        times[i] = timeMillis;
        levels[i] = level;
        energy[i] = Math.pow(10, level / 10);
        energySum += energy[i];
        size++;
        while (maxSize > 0 && levels[maxQ[(maxHead + maxSize - 1) % maxQ.length]] <= level) {
            maxSize--;
        }
        maxQ[(maxHead + maxSize++) % maxQ.length] = i;
        evictBefore(timeMillis - spanMillis);
        if (++sinceResum >= 100_000) {
            resum();
        }
    }

    /** Energy-averaged level: 10·log10(mean(10^(L/10))). NaN when empty. */
    public double leq() {
        return size == 0 ? Double.NaN : 10 * Math.log10(energySum / size);
    }

    public double max() {
        return maxSize == 0 ? Double.NaN : levels[maxQ[maxHead]];
    }

    public int size() {
        return size;
    }

    /** Milliseconds between the oldest and newest sample. */
    public long coveredMillis() {
        return size == 0 ? 0 : times[index(size - 1)] - times[head];
    }

    /** The level exceeded {@code percentExceeded}% of the time: L10 is {@code exceeded(10)}. */
    public double exceeded(double percentExceeded) {
        if (size == 0) {
            return Double.NaN;
        }
        double[] sorted = new double[size];
        for (int k = 0; k < size; k++) {
            sorted[k] = levels[index(k)];
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil((1 - percentExceeded / 100.0) * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))];
    }

    /** The newest {@code n} samples, oldest first, as {time, level} pairs. */
    public double[][] tail(int n) {
        int k = Math.min(n, size);
        double[][] out = new double[k][];
        for (int j = 0; j < k; j++) {
            int i = index(size - k + j);
            out[j] = new double[] {times[i], levels[i]};
        }
        return out;
    }

    private void evictBefore(long cutoff) {
        while (size > 0 && times[head] < cutoff) {
            energySum -= energy[head];
            if (maxSize > 0 && maxQ[maxHead] == head) {
                maxHead = (maxHead + 1) % maxQ.length;
                maxSize--;
            }
            head = (head + 1) % times.length;
            size--;
        }
        if (size == 0) {
            energySum = 0;
        }
    }

    /** Recomputes the running sum from scratch now and then, so rounding errors never pile up. */
    private void resum() {
        double s = 0;
        for (int k = 0; k < size; k++) {
            s += energy[index(k)];
        }
        energySum = s;
        sinceResum = 0;
    }

    private int index(int k) {
        return (head + k) % times.length;
    }

    private void grow() {
        int n = times.length * 2;
        long[] t = new long[n];
        double[] l = new double[n];
        double[] e = new double[n];
        int[] remap = new int[times.length];
        for (int k = 0; k < size; k++) {
            int i = index(k);
            t[k] = times[i];
            l[k] = levels[i];
            e[k] = energy[i];
            remap[i] = k;
        }
        int[] q = new int[n];
        for (int k = 0; k < maxSize; k++) {
            q[k] = remap[maxQ[(maxHead + k) % maxQ.length]];
        }
        times = t;
        levels = l;
        energy = e;
        maxQ = q;
        maxHead = 0;
        head = 0;
    }
}
