package gridwatch.bench.jmh;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.flood.WaterLevelRule;
import gridwatch.detectors.flood.WaterLevelSpec;
import gridwatch.detectors.limit.DayNightLimit;
import gridwatch.detectors.noise.NoiseRule;
import gridwatch.detectors.noise.NoiseSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Readings/s through the noise rule (1-min energy Leq window over 1-s LA readings, day/night
 * limit) and the flood rule (rate of rise over an hour) on one core. Each invocation feeds a
 * block of 10,000 pre-made readings alternately to both rules, mostly under the limits (as a
 * city runs), with a loud minute and a flood crest in every block so the alert paths run too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
public class RuleEvalBench {

    private static final int BLOCK = 10_000;

    private Reading[] noise;
    private Reading[] water;
    private NoiseRule noiseRule;
    private WaterLevelRule waterRule;
    private long round;

    @Setup
    public void setUp() {
        noiseRule = new NoiseRule(new NoiseSpec("n", "noise.construction", new DayNightLimit(70, 55, LocalTime.of(6, 0),
                LocalTime.of(22, 0), ZoneId.of("Asia/Shanghai")), Duration.ofMinutes(1), Duration.ofMinutes(2), 3, 15,
                Severity.ORANGE), "m1", "z1");
        waterRule = new WaterLevelRule(new WaterLevelSpec("w", "water-level.warning", "waterLevel", 4.5, 5.3, 0.3, 15.0,
                Duration.ofHours(1), 0.05), "g1", "z2");
        noise = new Reading[BLOCK];
        water = new Reading[BLOCK];
    }

    /** A fresh block with later timestamps before each invocation, outside the measured time. */
    @Setup(Level.Invocation)
    public void nextBlock() {
        fill(round++);
    }

    private void fill(long base) {
        Instant t0 = Instant.ofEpochSecond(1_790_000_000L + base * BLOCK);
        for (int i = 0; i < BLOCK; i++) {
            double db = (i % 3600) < 60 ? 72 : 50 + (i % 7);
            noise[i] = new Reading("m1", "LA", db, "dB(A)", t0.plusSeconds(i), Quality.GOOD);
            double level = 3.5 + 2.0 * Math.sin(i / 1500.0);
            water[i] = new Reading("g1", "waterLevel", level, "m", t0.plusSeconds(i * 60L), Quality.GOOD);
        }
    }

    @Benchmark
    @OperationsPerInvocation(2 * BLOCK)
    public int noiseAndFloodRules() {
        int findings = 0;
        for (int i = 0; i < BLOCK; i++) {
            Optional<Finding> a = noiseRule.evaluate(noise[i]);
            Optional<Finding> b = waterRule.evaluate(water[i]);
            findings += (a.isPresent() ? 1 : 0) + (b.isPresent() ? 1 : 0);
        }
        return findings;
    }
}
