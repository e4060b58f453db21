package gridwatch.detectors.flood;

import org.jspecify.annotations.Nullable;

import gridwatch.detectors.core.Evidence;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Subject;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.detectors.core.ReadingRule;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.hold.Hold;
import gridwatch.detectors.hold.HoldClear;
import gridwatch.detectors.hold.Transition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Water level against a gauge's flood-watch lines (防汛). Severity rises as lines are crossed —
 * blue when rising fast, yellow near the warning level, orange over it, red over the guarantee
 * level — and drops a colour only when the level has fallen {@code hysteresis} below that line
 * (or the rate below 80% of the blue threshold), so a level hovering at a line does not flap.
 * Readings out of time order are ignored. Pipeline thread only.
 */
public final class WaterLevelRule implements ReadingRule {

    private record Point(Instant t, double level) {
    }

    private final String deviceId;
    private final @Nullable String zoneId;
    private final Deque<Point> recent = new ArrayDeque<>();
    private volatile WaterLevelSpec spec;
    /** No time hold: each colour's own hysteresis (a value hysteresis, here in the rule) keeps it from flapping. */
    private final HoldClear hold = new HoldClear(Hold.none());
    private double peak = Double.NEGATIVE_INFINITY;

    public WaterLevelRule(WaterLevelSpec spec, String deviceId, @Nullable String zoneId) {
        this.spec = spec;
        this.deviceId = deviceId;
        this.zoneId = zoneId;
    }

    public void reconfigure(WaterLevelSpec next) {
        spec = next;
    }

    @Override
    public boolean resume(Severity severity, Instant since) {
        hold.resume(severity, since);
        return true;
    }

    @Override
    public String ruleId() {
        return spec.ruleId();
    }

    @Override
    public Optional<Finding> evaluate(Reading r) {
        WaterLevelSpec s = spec;
        if (r.quality() == Quality.BAD || !r.resource().equals(s.resource())) {
            return Optional.empty();
        }
        if (!recent.isEmpty() && !r.observedAt().isAfter(recent.peekLast().t())) {
            return Optional.empty();
        }
        recent.addLast(new Point(r.observedAt(), r.value()));
        while (recent.size() > 2 && Duration.between(recent.peekFirst().t(), r.observedAt()).compareTo(s.rateWindow()) > 0) {
            recent.removeFirst();
        }
        double rate = riseRateCmPerHour(s);
        Severity up = severity(s, r.value(), rate, 0, 1.0);
        Severity hold = severity(s, r.value(), rate, s.hysteresis(), 0.8);
        Severity current = this.hold.severity();
        Severity next = max(up, current == null ? null : min(current, hold));
        return switch (this.hold.step(next != null, next == null ? Severity.BLUE : next, r.observedAt())) {
            case Transition.Quiet q -> Optional.empty();
            case Transition.Cleared c -> {
                peak = Math.max(peak, r.value()); // under every line, so only a finding resumed without readings has it as peak
                Finding end = finding(s, r, rate, c.severity(), false);
                peak = Double.NEGATIVE_INFINITY;
                yield Optional.of(end);
            }
            case Transition.Started st -> active(s, r, rate, st.severity());
            case Transition.Continues c -> active(s, r, rate, c.severity());
        };
    }

    private Optional<Finding> active(WaterLevelSpec s, Reading r, double rate, Severity sev) {
        peak = Math.max(peak, r.value());
        return Optional.of(finding(s, r, rate, sev, true));
    }

    /** Metres per hour × 100 over the rate window; NaN until the window is at least half covered. */
    private double riseRateCmPerHour(WaterLevelSpec s) {
        Point first = recent.peekFirst();
        Point last = recent.peekLast();
        Duration span = Duration.between(first.t(), last.t());
        if (span.compareTo(s.rateWindow().dividedBy(2)) < 0) {
            return Double.NaN;
        }
        return (last.level() - first.level()) * 100 / (span.toMillis() / 3_600_000.0);
    }

    private static @Nullable Severity severity(WaterLevelSpec s, double level, double rate, double margin, double rateFactor) {
        if (level >= s.guaranteeLevel() - margin) {
            return Severity.RED;
        }
        if (level >= s.warningLevel() - margin) {
            return Severity.ORANGE;
        }
        if (level >= s.warningLevel() - s.approachMargin() - margin) {
            return Severity.YELLOW;
        }
        if (s.riseRateCmPerHour() != null && !Double.isNaN(rate) && rate >= s.riseRateCmPerHour() * rateFactor) {
            return Severity.BLUE;
        }
        return null;
    }

    private static @Nullable Severity max(@Nullable Severity a, @Nullable Severity b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    private static @Nullable Severity min(@Nullable Severity a, @Nullable Severity b) {
        return a == null || b == null ? null : a.compareTo(b) <= 0 ? a : b;
    }

    private Finding finding(WaterLevelSpec s, Reading r, double rate, Severity sev, boolean active) {
        String summary = active
                ? String.format(java.util.Locale.ROOT, "water level %.2f m (%s): warning %.2f m, guarantee %.2f m, %s", r.value(), sev.nameZh(),
                        s.warningLevel(), s.guaranteeLevel(), Double.isNaN(rate) ? "rate not yet known"
                                : rate >= 0 ? String.format(java.util.Locale.ROOT, "rising %.0f cm/h", rate) : String.format(java.util.Locale.ROOT, "falling %.0f cm/h", -rate))
                : String.format(java.util.Locale.ROOT, "water level %.2f m back below the watch lines (peak %.2f m)", r.value(), peak);
        List<Measurement> m = new ArrayList<>(List.of(
                new Measurement(s.resource(), r.value(), r.unit()),
                new Measurement("warningLevel", s.warningLevel(), "m"),
                new Measurement("guaranteeLevel", s.guaranteeLevel(), "m"),
                new Measurement("overWarning", Math.round((r.value() - s.warningLevel()) * 1000) / 1000.0, "m"),
                new Measurement("peak", peak, "m")));
        if (!Double.isNaN(rate)) {
            m.add(new Measurement("riseRate", Math.round(rate * 10) / 10.0, "cm/h"));
        }
        List<Object> series = new ArrayList<>();
        for (Point p : recent) {
            series.add(Map.of("t", p.t().toString(), "v", p.level()));
        }
        Evidence ev = new Evidence("series", "application/json", null,
                Map.of("resource", s.resource(), "unit", "m", "points", series));
        return new Finding(s.ruleId(), s.alertType(), Subject.of(deviceId, zoneId), active, sev, r.observedAt(), summary, m, List.of(ev));
    }
}
