package gridwatch.detectors.health;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class QualityGateTest {

    private static final Instant T = Instant.parse("2026-11-20T14:00:00Z");

    private static Reading r(int s, double v) {
        return new Reading("m1", "LA", v, "dB(A)", T.plusSeconds(s), Quality.GOOD);
    }

    @Test
    void aJumpLargerThanTheMaxStepIsASpike() {
        QualityGate gate = new QualityGate(new QualityLimits(20.0, null));
        assertThat(gate.check(r(0, 50)).quality()).isEqualTo(Quality.GOOD);
        assertThat(gate.check(r(1, 95)).quality()).isEqualTo(Quality.BAD);
        assertThat(gate.check(r(2, 55)).quality()).as("compared with the last good value").isEqualTo(Quality.GOOD);
    }

    @Test
    void theSameValueTooManyTimesIsAFlatline() {
        QualityGate gate = new QualityGate(new QualityLimits(null, 5));
        for (int i = 0; i < 4; i++) {
            assertThat(gate.check(r(i, 42.0)).quality()).isEqualTo(Quality.GOOD);
        }
        assertThat(gate.check(r(4, 42.0)).quality()).isEqualTo(Quality.BAD);
        assertThat(gate.check(r(5, 42.1)).quality()).isEqualTo(Quality.GOOD);
    }

    @Test
    void persistentBadReadingsRaiseADeviceFaultThatEndsOnRecovery() {
        FaultWatch watch = new FaultWatch("device.fault", "m1", "z1", 3);
        Reading bad = new Reading("m1", "LA", 0, "dB(A)", T, Quality.BAD);
        assertThat(watch.observe(bad)).isEmpty();
        assertThat(watch.observe(bad)).isEmpty();
        assertThat(watch.observe(bad)).get().extracting(Finding::active).isEqualTo(true);
        assertThat(watch.observe(r(1, 50))).isEmpty();
        assertThat(watch.observe(r(2, 51))).isEmpty();
        assertThat(watch.observe(r(3, 52))).get().extracting(Finding::active).isEqualTo(false);
    }
}
