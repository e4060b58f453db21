package gridwatch.detectors.limit;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.detectors.core.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LimitRuleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final NoiseLimit CLASS_2 = NoiseLimit.forAreaClass("2");
    private static final Limit DAY_NIGHT = new DayNightLimit(CLASS_2.dayDb(), CLASS_2.nightDb(),
            LocalTime.of(6, 0), LocalTime.of(22, 0), SHANGHAI);

    private static Instant local(String t) {
        return OffsetDateTime.parse("2026-11-20T" + t + "+08:00").toInstant();
    }

    private static Reading leq(String localTime, double db) {
        return new Reading("noise-01", "Leq", db, "dB(A)", local(localTime), Quality.GOOD);
    }

    private static LimitRule rule(Duration hold, double hysteresis) {
        return new LimitRule(new LimitSpec("night-noise", "noise.social-life", "Leq", DAY_NIGHT, hold, hysteresis, Severity.YELLOW),
                "noise-01", "zone-a");
    }

    @Test
    void sameLevelIsQuietByDayAndAlertsAtNight() {
        LimitRule r = rule(Duration.ZERO, 0);
        assertThat(r.evaluate(leq("21:59:00", 57))).isEmpty();
        Optional<Finding> f = r.evaluate(leq("22:00:00", 57));
        assertThat(f).get().satisfies(x -> {
            assertThat(x.active()).isTrue();
            assertThat(x.measurements()).anySatisfy(m -> {
                assertThat(m.name()).isEqualTo("limit");
                assertThat(m.value()).isEqualTo(50.0);
            });
            assertThat(x.summary()).contains("night limit 50.0");
        });
    }

    @Test
    void nightEndsAtSixInTheSiteZoneNotUtc() {
        assertThat(((DayNightLimit) DAY_NIGHT).isNight(local("05:59:59"))).isTrue();
        assertThat(((DayNightLimit) DAY_NIGHT).isNight(local("06:00:00"))).isFalse();
    }

    @Test
    void mustStayAboveForTheHoldTimeBeforeStarting() {
        LimitRule r = rule(Duration.ofMinutes(2), 0);
        assertThat(r.evaluate(leq("22:10:00", 56))).isEmpty();
        assertThat(r.evaluate(leq("22:11:00", 56))).isEmpty();
        assertThat(r.evaluate(leq("22:11:30", 49))).as("a dip resets the hold timer").isEmpty();
        assertThat(r.evaluate(leq("22:12:00", 56))).isEmpty();
        assertThat(r.evaluate(leq("22:14:00", 56))).get().extracting(Finding::active).isEqualTo(true);
    }

    @Test
    void endsOnlyBelowLimitMinusHysteresis() {
        LimitRule r = rule(Duration.ZERO, 3);
        assertThat(r.evaluate(leq("23:00:00", 55))).get().extracting(Finding::active).isEqualTo(true);
        assertThat(r.evaluate(leq("23:01:00", 48))).as("48 is under 50 but not under 47").get()
                .extracting(Finding::active).isEqualTo(true);
        assertThat(r.evaluate(leq("23:02:00", 46.5))).get().extracting(Finding::active).isEqualTo(false);
        assertThat(r.evaluate(leq("23:03:00", 46))).isEmpty();
    }

    @Test
    void badQualityReadingsNeverTrigger() {
        LimitRule r = rule(Duration.ZERO, 0);
        assertThat(r.evaluate(new Reading("noise-01", "Leq", 99, "dB(A)", local("23:00:00"), Quality.BAD))).isEmpty();
    }

    @Test
    void reloadedThresholdTakesEffectAndOpenFindingCarriesOver() {
        LimitRule r = rule(Duration.ZERO, 0);
        assertThat(r.evaluate(leq("23:00:00", 55))).get().extracting(Finding::active).isEqualTo(true);
        r.reconfigure(new LimitSpec("night-noise", "noise.social-life", "Leq", Limit.constant(60), Duration.ZERO, 0, Severity.ORANGE));
        Finding cleared = r.evaluate(leq("23:01:00", 55)).orElseThrow();
        assertThat(cleared.active()).isFalse();
        assertThat(cleared.severity()).isEqualTo(Severity.ORANGE);
    }

    @Test
    void gb3096ClassTableAndConstructionBoundary() {
        assertThat(NoiseLimit.forAreaClass("0")).isEqualTo(new NoiseLimit(50, 40));
        assertThat(NoiseLimit.forAreaClass("4b")).isEqualTo(new NoiseLimit(70, 60));
        assertThat(NoiseLimit.forAreaClass("construction")).isEqualTo(new NoiseLimit(70, 55));
    }

    @Test
    void resumedAfterARestartItsFirstReadingUnderTheLimitEndsItWithNoHold() {
        LimitRule r = rule(Duration.ofMinutes(5), 0);
        assertThat(r.resume(Severity.YELLOW, local("22:10:00"))).isTrue();
        Optional<Finding> f = r.evaluate(leq("22:40:00", 45));
        assertThat(f).get().satisfies(x -> {
            assertThat(x.active()).isFalse();
            assertThat(x.measurements()).anySatisfy(m -> {
                assertThat(m.name()).isEqualTo("peak");
                assertThat(m.value()).as("the peak before the restart is unknown").isEqualTo(45.0);
            });
        });
    }

    @Test
    void resumedAfterARestartItsFirstReadingOverTheLimitContinuesWithoutANewHold() {
        LimitRule r = rule(Duration.ofMinutes(5), 0);
        r.resume(Severity.YELLOW, local("22:10:00"));
        assertThat(r.evaluate(leq("22:40:00", 58))).get().satisfies(x -> assertThat(x.active()).isTrue());
    }
}
