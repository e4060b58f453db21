package gridwatch.detectors.flood;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.detectors.core.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WaterLevelRuleTest {

    private static final double FT = 0.3048;

    private static WaterLevelRule rule() {
        // Lines for the Sitka gauge, in metres: warning 24 ft, guarantee 26 ft, yellow 0.3 m below warning,
        // blue when rising 30 cm/h or faster over an hour, 5 cm hysteresis.
        return new WaterLevelRule(new WaterLevelSpec("flood", "water-level.warning", "waterLevel", 24 * FT, 26 * FT, 0.3,
                30.0, Duration.ofHours(1), 0.05), "gauge-1", "river-1");
    }

    private static Reading level(Instant t, double metres) {
        return new Reading("gauge-1", "waterLevel", metres, "m", t, Quality.GOOD);
    }

    /** NWS hourly stage of the Indian River at Sitka, August 2015 (real data, feet, UTC). */
    private static List<Reading> nwsHourly() throws Exception {
        List<Reading> out = new ArrayList<>();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (String line : Files.readAllLines(shared("testdata/series/nws_irva2_indian_river_sitka_2015-08_hourly_stage.csv"))) {
            String[] c = line.split(",");
            if (c.length >= 3 && c[0].startsWith("2015")) {
                out.add(level(LocalDateTime.parse(c[0].strip(), f).toInstant(ZoneOffset.UTC), Double.parseDouble(c[2].strip()) * FT));
            }
        }
        return out;
    }

    /**
     * USGS 15-minute gage height at the same gauge, October 2020 (real data, feet). Local times
     * carry AKDT (UTC-8) or AKST (UTC-9); the fall-back hour appears twice, interleaved, so the
     * readings are sorted by UTC as a receiver would have seen them.
     */
    private static List<Reading> usgs15min() throws Exception {
        List<Reading> out = new ArrayList<>();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        for (String line : Files.readAllLines(shared("testdata/series/usgs_15087700_indian_river_sitka_2020-10-10_to_2020-11-09_15min.csv"))) {
            String[] c = line.split(",");
            if (c.length >= 3 && c[0].startsWith("2020") && !c[2].isBlank()) {
                ZoneOffset off = c[1].equals("AKST") ? ZoneOffset.ofHours(-9) : ZoneOffset.ofHours(-8);
                out.add(level(LocalDateTime.parse(c[0], f).toInstant(off), Double.parseDouble(c[2]) * FT));
            }
        }
        out.sort(java.util.Comparator.comparing(Reading::observedAt));
        return out;
    }

    /** The colour sequence the center would see: a step per change, null for an end. */
    private static List<Severity> colours(WaterLevelRule rule, List<Reading> readings) {
        List<Severity> steps = new ArrayList<>();
        for (Reading r : readings) {
            Optional<Finding> f = rule.evaluate(r);
            if (f.isPresent() && !f.get().active()) {
                steps.add(null);
            } else if (f.isPresent() && (steps.isEmpty() || steps.getLast() != f.get().severity())) {
                steps.add(f.get().severity());
            }
        }
        return steps;
    }

    @Test
    void theRealOctober2020RiseEscalatesBlueYellowOrangeRedAndEndsAfterTheRecession() throws Exception {
        WaterLevelRule rule = new WaterLevelRule(new WaterLevelSpec("flood", "water-level.warning", "waterLevel", 24 * FT, 26 * FT,
                0.3, 20.0, Duration.ofMinutes(30), 0.05), "gauge-1", "river-1");
        List<Reading> oct26 = usgs15min().stream()
                .filter(r -> r.observedAt().isAfter(Instant.parse("2020-10-26T08:00:00Z"))
                        && r.observedAt().isBefore(Instant.parse("2020-10-28T08:00:00Z")))
                .toList();
        List<Severity> steps = colours(rule, oct26);
        int firstEnd = steps.indexOf(null);
        assertThat(steps.subList(0, 4)).containsExactly(Severity.BLUE, Severity.YELLOW, Severity.ORANGE, Severity.RED);
        assertThat(firstEnd).as("the alert ends once the river is back below the lines").isPositive();
        assertThat(steps.subList(4, firstEnd)).as("on the way down: one colour at a time").containsExactly(Severity.ORANGE, Severity.YELLOW);
    }

    @Test
    void hourlyDataOfAFlashFloodJumpsStraightToOrange() throws Exception {
        List<Severity> steps = colours(rule(), nwsHourly());
        // 22.2 ft at 15:00 and 24.2 ft at 16:00 UTC: no hourly reading falls between the yellow and orange lines.
        assertThat(steps).startsWith(Severity.ORANGE, Severity.RED).contains((Severity) null);
    }

    @Test
    void aLevelHoveringAtTheWarningLineDoesNotFlap() {
        WaterLevelRule rule = rule();
        Instant t = Instant.parse("2026-09-01T00:00:00Z");
        double warning = 24 * FT;
        List<Severity> seen = new ArrayList<>();
        double[] levels = {warning + 0.01, warning - 0.02, warning + 0.01, warning - 0.03, warning + 0.02};
        for (int i = 0; i < levels.length; i++) {
            rule.evaluate(level(t.plusSeconds(i * 3600L), levels[i])).ifPresent(f -> seen.add(f.severity()));
        }
        assertThat(seen).containsOnly(Severity.ORANGE);
        assertThat(rule.evaluate(level(t.plusSeconds(6 * 3600L), warning - 0.06))).get()
                .extracting(Finding::severity).isEqualTo(Severity.YELLOW);
    }

    @Test
    void outOfOrderAndBadReadingsAreIgnored() {
        WaterLevelRule rule = rule();
        Instant t = Instant.parse("2026-09-01T00:00:00Z");
        assertThat(rule.evaluate(level(t, 30 * FT))).get().extracting(Finding::severity).isEqualTo(Severity.RED);
        assertThat(rule.evaluate(level(t.minusSeconds(60), 1.0))).isEmpty();
        assertThat(rule.evaluate(new Reading("gauge-1", "waterLevel", 0.1, "m", t.plusSeconds(60), Quality.BAD))).isEmpty();
    }

    /** A file of the team's shared data (beside the project root; surefire sets gridwatch.shared). */
    static Path shared(String relative) {
        Path p = Path.of(System.getProperty("gridwatch.shared", "../../shared")).resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared test data missing: " + p.toAbsolutePath()
                    + " (clone the project beside the team's shared/ folder)");
        }
        return p;
    }

    @Test
    void resumedOrangeAfterARestartAFirstReadingBelowTheLinesEndsItWithThatReadingAsPeak() {
        WaterLevelRule r = rule();
        assertThat(r.resume(Severity.ORANGE, Instant.parse("2015-08-18T02:00:00Z"))).isTrue();
        Instant t = Instant.parse("2015-08-18T09:00:00Z");
        assertThat(r.evaluate(level(t, 20 * FT))).get().satisfies(f -> {
            assertThat(f.active()).isFalse();
            assertThat(f.severity()).isEqualTo(Severity.ORANGE);
            assertThat(f.measurements()).filteredOn(m -> m.name().equals("peak"))
                    .singleElement().satisfies(m -> assertThat(m.value()).isFinite().isEqualTo(20 * FT));
        });
    }

    @Test
    void resumedOrangeAfterARestartAReadingStillOverTheWarningLineContinuesOrange() {
        WaterLevelRule r = rule();
        r.resume(Severity.ORANGE, Instant.parse("2015-08-18T02:00:00Z"));
        assertThat(r.evaluate(level(Instant.parse("2015-08-18T09:00:00Z"), 24.5 * FT))).get().satisfies(f -> {
            assertThat(f.active()).isTrue();
            assertThat(f.severity()).isEqualTo(Severity.ORANGE);
        });
    }
}
