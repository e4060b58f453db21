package gridwatch.detectors.noise;

import gridwatch.detectors.window.LevelWindow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LevelWindowTest {

    @Test
    void leqIsTheEnergyMeanNotTheArithmeticMean() {
        LevelWindow w = new LevelWindow(60_000);
        w.add(0, 50);
        w.add(1000, 70);
        // 10·log10((10^5 + 10^7) / 2) = 67.03, while the arithmetic mean would say 60.
        assertThat(w.leq()).isCloseTo(67.03, within(0.01));
        assertThat(w.max()).isEqualTo(70);
    }

    @Test
    void samplesOlderThanTheWindowLeaveItAndTheMaxFollows() {
        LevelWindow w = new LevelWindow(10_000);
        w.add(0, 90);
        for (int s = 1; s <= 20; s++) {
            w.add(s * 1000L, 50);
        }
        assertThat(w.size()).isEqualTo(11);
        assertThat(w.max()).isEqualTo(50);
        assertThat(w.leq()).isCloseTo(50, within(1e-9));
    }

    @Test
    void percentilesAreLevelsExceededThatShareOfTheTime() {
        LevelWindow w = new LevelWindow(1_000_000);
        for (int i = 1; i <= 100; i++) {
            w.add(i * 1000L, i);
        }
        assertThat(w.exceeded(10)).isEqualTo(90);
        assertThat(w.exceeded(50)).isEqualTo(50);
        assertThat(w.exceeded(90)).isEqualTo(10);
    }

    @Test
    void growsPastItsInitialCapacityKeepingOrderAndMax() {
        LevelWindow w = new LevelWindow(10_000_000);
        for (int i = 0; i < 1000; i++) {
            w.add(i, i == 500 ? 99 : 40 + (i % 7));
        }
        assertThat(w.size()).isEqualTo(1000);
        assertThat(w.max()).isEqualTo(99);
        assertThat(w.tail(2)[1][1]).isEqualTo(40 + (999 % 7));
    }
}
