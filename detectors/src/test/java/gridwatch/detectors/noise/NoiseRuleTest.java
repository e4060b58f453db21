package gridwatch.detectors.noise;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.limit.DayNightLimit;
import gridwatch.detectors.limit.NoiseLimit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NoiseRuleTest {

    private static final NoiseLimit CLASS_1 = NoiseLimit.forAreaClass("1"); // 55 day / 45 night
    private static final DayNightLimit LIMIT = new DayNightLimit(CLASS_1.dayDb(), CLASS_1.nightDb(),
            LocalTime.of(6, 0), LocalTime.of(22, 0), ZoneId.of("Asia/Shanghai"));

    private static NoiseRule rule(Duration window, Duration hold) {
        return new NoiseRule(new NoiseSpec("n", "noise.social-life", LIMIT, window, hold, 2, 15, Severity.YELLOW), "m1", "z1");
    }

    private static Instant at(String local) {
        return OffsetDateTime.parse("2026-11-20T" + local + "+08:00").toInstant();
    }

    private static Reading r(String resource, Instant t, double db) {
        return new Reading("m1", resource, db, "dB(A)", t, Quality.GOOD);
    }

    @Test
    void loudBurstsRaiseTheEnergyLeqOverTheLimitWhereTheArithmeticMeanWouldNot() {
        NoiseRule rule = rule(Duration.ofMinutes(1), Duration.ZERO);
        Instant t = at("23:00:00");
        Optional<Finding> last = Optional.empty();
        // 50 s at 40 dB and 10 s at 55 dB: arithmetic mean 42.5 (under 45); energy Leq
        // 10·log10((50·10^4 + 10·10^5.5) / 60) = 47.86 (over).
        for (int s = 0; s < 60; s++) {
            last = rule.evaluate(r("LA", t.plusSeconds(s), s < 50 ? 40 : 55));
        }
        assertThat(last).get().satisfies(f -> {
            assertThat(f.active()).isTrue();
            assertThat(f.measurements()).filteredOn(m -> m.name().equals("Leq")).singleElement()
                    .satisfies(m -> assertThat(m.value()).isEqualTo(47.9));
            assertThat(f.summary()).contains("Leq computed from LA").contains("night limit 45");
        });
    }

    @Test
    void theStationsOwnLeqIsUsedAndSaid() {
        NoiseRule rule = rule(Duration.ofMinutes(5), Duration.ZERO);
        Finding f = rule.evaluate(r("Leq", at("10:00:00"), 58)).orElseThrow();
        assertThat(f.summary()).contains("station Leq").contains("day limit 55");
        @SuppressWarnings("unchecked")
        Map<String, Object> ev = (Map<String, Object>) f.evidence().getFirst().data();
        assertThat(ev).containsEntry("leqSource", "station").containsEntry("window", "5 min");
    }

    @Test
    void atNightAnLmaxFifteenOverTheLimitAlertsAtOnce() {
        NoiseRule rule = rule(Duration.ofMinutes(5), Duration.ofMinutes(10));
        assertThat(rule.evaluate(r("LA", at("02:00:00"), 40))).isEmpty();
        Finding f = rule.evaluate(r("LA", at("02:00:01"), 61)).orElseThrow(); // 45 + 15 = 60 < 61
        assertThat(f.active()).isTrue();
        assertThat(f.summary()).startsWith("night Lmax 61.0");
    }

    @Test
    void byDayTheSameLmaxIsNoAlert() {
        NoiseRule rule = rule(Duration.ofMinutes(5), Duration.ofMinutes(10));
        assertThat(rule.evaluate(r("LA", at("14:00:00"), 40))).isEmpty();
        assertThat(rule.evaluate(r("LA", at("14:00:01"), 71))).isEmpty();
    }

    @Test
    void theAlertEndsOnlyBelowLimitMinusHysteresis() {
        NoiseRule rule = rule(Duration.ofSeconds(10), Duration.ZERO);
        assertThat(rule.evaluate(r("Leq", at("23:00:00"), 50))).get().extracting(Finding::active).isEqualTo(true);
        assertThat(rule.evaluate(r("Leq", at("23:00:20"), 44))).as("44 is under 45 but not under 43")
                .get().extracting(Finding::active).isEqualTo(true);
        assertThat(rule.evaluate(r("Leq", at("23:00:40"), 42))).get().extracting(Finding::active).isEqualTo(false);
    }

    @Test
    void theHoldTimeIsMeasuredInReadingTime() {
        NoiseRule rule = rule(Duration.ofMinutes(1), Duration.ofMinutes(2));
        Instant t = at("22:30:00");
        for (int s = 0; s < 120; s += 10) {
            assertThat(rule.evaluate(r("Leq", t.plusSeconds(s), 50))).isEmpty();
        }
        assertThat(rule.evaluate(r("Leq", t.plusSeconds(120), 50))).get().extracting(Finding::active).isEqualTo(true);
    }
}
