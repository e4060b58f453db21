package gridwatch.detectors.limit;

import org.jspecify.annotations.Nullable;

import gridwatch.detectors.core.Decimals;
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
 * Raises a finding when a value stays above its limit for a hold time, and clears it when the
 * value falls below {@code limit - hysteresis}, so a value hovering at the limit does not flap.
 * Time is the readings' own observed time, so a replayed trace behaves as it did live.
 */
public final class LimitRule implements ReadingRule {

    private static final int SERIES_LENGTH = 12;

    private final String deviceId;
    private final @Nullable String zoneId;
    private final Deque<Remembered> recent = new ArrayDeque<>(SERIES_LENGTH);

    /**
     * A recent reading and its evidence point, built the first time a finding lists it and kept: consecutive findings
     * (a start and its updates) list mostly the same readings, and most readings are never listed at all.
     */
    private static final class Remembered {
        private final Reading reading;
        private @Nullable Map<String, Object> point;

        Remembered(Reading reading) {
            this.reading = reading;
        }

        Map<String, Object> point() {
            Map<String, Object> p = point;
            if (p == null) {
                p = Map.of("t", reading.observedAt().toString(), "v", reading.value());
                point = p;
            }
            return p;
        }
    }
    private volatile LimitSpec spec;
    private final HoldClear hold;
    private double peak;

    public LimitRule(LimitSpec spec, String deviceId, @Nullable String zoneId) {
        this.spec = spec;
        this.deviceId = deviceId;
        this.zoneId = zoneId;
        this.hold = new HoldClear(hold(spec));
    }

    /** Over the limit for the hold time to start; ends at once under limit − hysteresis (a value hysteresis). */
    private static Hold hold(LimitSpec s) {
        return Hold.of(s.holdFor(), Duration.ZERO);
    }

    /** Takes new thresholds on a config reload; state (open finding, hold timer) carries over. */
    public void reconfigure(LimitSpec newSpec) {
        this.spec = newSpec;
        hold.reconfigure(hold(newSpec));
    }

    @Override
    public boolean resume(Severity severity, Instant since) {
        hold.resume(severity, since);
        peak = Double.NEGATIVE_INFINITY; // the peak before the restart is not known: the next reading's value starts it
        return true;
    }

    @Override
    public String ruleId() {
        return spec.ruleId();
    }

    @Override
    public Optional<Finding> evaluate(Reading r) {
        if (r.quality() == Quality.BAD || !r.resource().equals(spec.resource())) {
            return Optional.empty();
        }
        LimitSpec s = spec;
        remember(r);
        double limit = s.limit().at(r.observedAt());
        boolean over = hold.active() ? r.value() >= limit - s.hysteresis() : r.value() > limit;
        return switch (hold.step(over, s.severity(), r.observedAt())) {
            case Transition.Quiet q -> Optional.empty();
            case Transition.Started st -> {
                peak = r.value();
                yield Optional.of(finding(s, r, limit, true));
            }
            case Transition.Continues c -> {
                peak = Math.max(peak, r.value());
                yield Optional.of(finding(s, r, limit, true));
            }
            case Transition.Cleared c -> {
                peak = Math.max(peak, r.value());
                yield Optional.of(finding(s, r, limit, false));
            }
        };
    }

    private void remember(Reading r) {
        if (recent.size() == SERIES_LENGTH) {
            recent.removeFirst();
        }
        recent.addLast(new Remembered(r));
    }

    private Finding finding(LimitSpec s, Reading r, double limit, boolean nowActive) {
        String period = s.limit() instanceof DayNightLimit dn ? (dn.isNight(r.observedAt()) ? "night" : "day") : null;
        String summary = s.resource() + " " + Decimals.fixed(r.value(), 1) + " " + r.unit()
                + (nowActive ? " over the " : " back under the ") + (period == null ? "" : period + " ") + "limit " + Decimals.fixed(limit, 1);
        List<Measurement> m = List.of(
                new Measurement(s.resource(), r.value(), r.unit()),
                new Measurement("limit", limit, r.unit()),
                new Measurement("exceedance", Math.round((r.value() - limit) * 10) / 10.0, r.unit()),
                new Measurement("peak", peak, r.unit()));
        List<Object> series = new ArrayList<>(recent.size());
        for (Remembered x : recent) {
            series.add(x.point());
        }
        Evidence ev = new Evidence("series", "application/json", null,
                Map.of("resource", s.resource(), "unit", r.unit(), "points", series));
        return new Finding(s.ruleId(), s.alertType(), Subject.of(deviceId, zoneId), nowActive, s.severity(), r.observedAt(), summary, m, List.of(ev));
    }
}
