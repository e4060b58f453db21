package gridwatch.detectors.noise;

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
import gridwatch.detectors.window.LevelWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Noise over the legal limit. Leq over the window is energy-averaged, never an arithmetic mean:
 * from the station's own interval Leq ({@code Leq} readings) when it sends one, otherwise
 * computed from instantaneous levels ({@code LA}); the evidence says which. An alert starts
 * when the window Leq stays over the day/night limit for the hold time, or at once at night when
 * Lmax exceeds the limit by more than the margin (GB 3096-2008: 15 dB(A)); it ends when the
 * window Leq falls below limit − hysteresis and no night Lmax exceedance remains in the window.
 * Time is the readings' own. One instance per (rule, device); pipeline thread only.
 */
public final class NoiseRule implements ReadingRule {

    private static final long STATS_EVERY_MILLIS = 10_000;

    private final String deviceId;
    private final @Nullable String zoneId;
    private volatile NoiseSpec spec;
    private LevelWindow la;
    private LevelWindow stationLeq;
    private LevelWindow stationLmax;
    private final HoldClear hold;
    private double peakLeq;
    private long statsAt = Long.MIN_VALUE;
    private double l10 = Double.NaN;
    private double l50 = Double.NaN;
    private double l90 = Double.NaN;

    public NoiseRule(NoiseSpec spec, String deviceId, @Nullable String zoneId) {
        this.deviceId = deviceId;
        this.zoneId = zoneId;
        this.spec = spec;
        this.hold = new HoldClear(hold(spec));
        newWindows(spec.window());
    }

    /** Leq over the limit for the hold time to start; ends at once under limit − hysteresis (a value hysteresis). */
    private static Hold hold(NoiseSpec s) {
        return Hold.of(s.holdFor(), Duration.ZERO);
    }

    /** New thresholds on reload; a new window length starts its windows afresh, the open alert carries over. */
    public void reconfigure(NoiseSpec next) {
        if (!next.window().equals(spec.window())) {
            newWindows(next.window());
        }
        spec = next;
        hold.reconfigure(hold(next));
    }

    private void newWindows(Duration window) {
        la = new LevelWindow(window.toMillis());
        stationLeq = new LevelWindow(window.toMillis());
        stationLmax = new LevelWindow(window.toMillis());
    }

    @Override
    public boolean resume(Severity severity, Instant since) {
        hold.resume(severity, since);
        peakLeq = Double.NEGATIVE_INFINITY; // the peak before the restart is not known: the next Leq starts it
        return true;
    }

    @Override
    public String ruleId() {
        return spec.ruleId();
    }

    @Override
    public Optional<Finding> evaluate(Reading r) {
        if (r.quality() == Quality.BAD) {
            return Optional.empty();
        }
        long t = r.observedAt().toEpochMilli();
        switch (r.resource()) {
            case "LA" -> la.add(t, r.value());
            case "Leq" -> stationLeq.add(t, r.value());
            case "Lmax" -> stationLmax.add(t, r.value());
            default -> {
                return Optional.empty();
            }
        }
        NoiseSpec s = spec;
        boolean fromStation = stationLeq.size() > 0;
        double leq = fromStation ? stationLeq.leq() : la.leq();
        if (Double.isNaN(leq)) {
            return Optional.empty();
        }
        double limit = s.limit().at(r.observedAt());
        boolean night = s.limit().isNight(r.observedAt());
        double lmax = Math.max(nanToLow(la.max()), nanToLow(stationLmax.max()));
        boolean lmaxOver = night && lmax > limit + s.lmaxMarginDb();
        if (!hold.active()) {
            Transition step = hold.step(leq > limit, s.severity(), r.observedAt());
            boolean byLmax = false;
            if (!step.active() && lmaxOver) {
                // A night peak this far over the limit needs no hold.
                step = hold.stepAtOnce(s.severity(), r.observedAt());
                byLmax = true;
            }
            if (!step.active()) {
                return Optional.empty();
            }
            peakLeq = leq;
            return Optional.of(finding(s, r, leq, limit, lmax, night, fromStation, true, byLmax));
        }
        peakLeq = Math.max(peakLeq, leq);
        boolean stillOver = leq >= limit - s.hysteresis() || lmaxOver;
        if (hold.step(stillOver, s.severity(), r.observedAt()) instanceof Transition.Cleared) {
            return Optional.of(finding(s, r, leq, limit, lmax, night, fromStation, false, false));
        }
        return Optional.of(finding(s, r, leq, limit, lmax, night, fromStation, true, lmaxOver && leq <= limit));
    }

    private static double nanToLow(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    private Finding finding(NoiseSpec s, Reading r, double leq, double limit, double lmax, boolean night,
                            boolean fromStation, boolean nowActive, boolean byLmax) {
        LevelWindow levels = fromStation ? stationLeq : la;
        long t = r.observedAt().toEpochMilli();
        if (t - statsAt >= STATS_EVERY_MILLIS || !nowActive) {
            l10 = levels.exceeded(10);
            l50 = levels.exceeded(50);
            l90 = levels.exceeded(90);
            statsAt = t;
        }
        String period = night ? "night" : "day";
        String window = human(s.window());
        String source = fromStation ? "station Leq" : "Leq computed from LA";
        String summary;
        if (!nowActive) {
            summary = String.format(java.util.Locale.ROOT, "Leq(%s) %.1f dB(A) back under the %s limit %.0f (%s)", window, leq, period, limit, source);
        } else if (byLmax) {
            summary = String.format(java.util.Locale.ROOT, "night Lmax %.1f dB(A) over the limit %.0f by more than %.0f", lmax, limit, s.lmaxMarginDb());
        } else {
            summary = String.format(java.util.Locale.ROOT, "Leq(%s) %.1f dB(A) over the %s limit %.0f (%s)", window, leq, period, limit, source);
        }
        List<Measurement> m = new ArrayList<>(List.of(
                new Measurement("Leq", round(leq), "dB(A)"),
                new Measurement("limit", limit, "dB(A)"),
                new Measurement("exceedance", round(leq - limit), "dB(A)"),
                new Measurement("peakLeq", round(peakLeq), "dB(A)")));
        if (!Double.isInfinite(lmax)) {
            m.add(new Measurement("Lmax", round(lmax), "dB(A)"));
        }
        if (!Double.isNaN(l10)) {
            m.add(new Measurement("L10", round(l10), "dB(A)"));
            m.add(new Measurement("L50", round(l50), "dB(A)"));
            m.add(new Measurement("L90", round(l90), "dB(A)"));
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("window", window);
        stats.put("leqSource", fromStation ? "station" : "computed");
        stats.put("period", period);
        stats.put("samples", levels.size());
        List<Object> series = new ArrayList<>();
        for (double[] p : levels.tail(30)) {
            series.add(Map.of("t", Instant.ofEpochMilli((long) p[0]).toString(), "v", p[1]));
        }
        stats.put("points", series);
        return new Finding(s.ruleId(), s.alertType(), Subject.of(deviceId, zoneId), nowActive, s.severity(), r.observedAt(), summary,
                m, List.of(new Evidence("noise-window", "application/json", null, stats)));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String human(Duration d) {
        long s = d.getSeconds();
        return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
