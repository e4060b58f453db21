package gridwatch.gateway.alert.json;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written ISO text equals {@link Instant#toString()} everywhere, the edges of its range included. */
class IsoInstantTest {

    @Test
    void equalsTheJdksTextOverTheWholeRangeAndEveryFractionShape() {
        SplittableRandom random = new SplittableRandom(20261129);
        long min = Instant.parse("-0001-12-31T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+10001-01-01T00:00:00Z").getEpochSecond();
        int[] nanos = {0, 1, 999_999_999, 1_000, 123_456_000, 5_000_000, 120_000_000, 999_000_000, 100, 291_169_861};
        for (int i = 0; i < 500_000; i++) {
            long sec = random.nextLong(min, max);
            int nano = i % 3 == 0 ? random.nextInt(1_000_000_000) : nanos[i % nanos.length];
            Instant t = Instant.ofEpochSecond(sec, nano);
            assertThat(IsoInstant.text(t)).as("%d s %d ns", sec, nano).isEqualTo(t.toString());
        }
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z", "2000-02-29T12:00:00.5Z", "2100-03-01T00:00:00Z", "-0001-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z", "2026-11-20T14:00:00Z"}) {
            Instant t = Instant.parse(edge);
            assertThat(IsoInstant.text(t)).isEqualTo(t.toString());
        }
        assertThat(IsoInstant.text(Instant.MIN)).isEqualTo(Instant.MIN.toString());
        assertThat(IsoInstant.text(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    }
}
