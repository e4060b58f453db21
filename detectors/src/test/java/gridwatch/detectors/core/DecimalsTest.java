package gridwatch.detectors.core;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Summaries must read as they did with {@code String.format}: the same digits, the same rounding, always a dot. */
class DecimalsTest {

    @Test
    void writesWhatTheFormatterWrites() {
        double[] edges = {0.05, 0.15, 0.25, 0.35, 0.45, 1.005, 2.675, 69.95, 70.05, -0.05, -69.95, 1e-9, 123456789.95,
                1e15, 1e21, 4.35, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, Double.MAX_VALUE, 75, 60, 0.9999999, 9.95, 99.95};
        SplittableRandom random = new SplittableRandom(20261129);
        for (int decimals = 0; decimals <= 2; decimals++) {
            for (double v : edges) {
                assertSame(v, decimals);
            }
            for (int i = 0; i < 200_000; i++) {
                // Readings as meters send them (one or two decimals, as doubles), and arbitrary doubles.
                assertSame(Math.round(random.nextDouble(-50, 200) * 100) / 100.0, decimals);
                assertSame(random.nextDouble(-1e6, 1e6), decimals);
            }
        }
    }

    private static void assertSame(double v, int decimals) {
        assertThat(Decimals.fixed(v, decimals)).as("%s with %d decimals", v, decimals)
                .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }
}
