package gridwatch.detectors.vision.crowd;

import org.jspecify.annotations.Nullable;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Subject;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.hold.Hold;
import gridwatch.detectors.hold.HoldClear;
import gridwatch.detectors.hold.Transition;
import gridwatch.detectors.vision.density.ZoneCount;
import gridwatch.detectors.vision.scene.SceneFrame;
import gridwatch.detectors.vision.scene.ZoneRule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * See {@link CrowdSpec}. People are the zone's count as {@link SceneFrame#count} gives it: confirmed
 * person tracks standing in the zone, or, on a camera that counts by density, the hybrid of those and
 * the density count (the density count where the zone is dense). Both counts go into the measurements,
 * and the snapshot shows the density map as a heat overlay.
 */
public final class CrowdRule extends ZoneRule<CrowdSpec> {

    private final Deque<Integer> recent = new ArrayDeque<>();
    private final HoldClear hold;
    /** The onset of the crowd being reported, for its duration; null when none. */
    private @Nullable Instant overSince;
    private int peak;
    private double smoothed;
    private ZoneCount count = new ZoneCount.DetectorOnly(0);

    public CrowdRule(CrowdSpec spec) {
        super(spec);
        this.hold = new HoldClear(Hold.ofSeconds(spec.minSeconds(), spec.clearSeconds()));
    }

    @Override
    public Optional<Finding> evaluate(SceneFrame f) {
        count = f.count(spec.zone(), spec.minScore());
        recent.addLast(count.people());
        if (recent.size() > spec.smoothFrames()) {
            recent.removeFirst();
        }
        smoothed = recent.stream().mapToInt(Integer::intValue).average().orElse(0);
        boolean over = smoothed >= spec.minPeople() && densityOver();
        return switch (hold.step(over, spec.severity(), f.at())) {
            case Transition.Quiet q -> Optional.empty();
            case Transition.Started st -> {
                overSince = st.onset();
                peak = count.people();
                yield Optional.of(finding(f, true));
            }
            case Transition.Continues c -> {
                overSince = c.onset();
                peak = Math.max(peak, count.people());
                yield Optional.of(finding(f, true));
            }
            case Transition.Cleared c -> {
                overSince = null;
                yield Optional.of(finding(f, false));
            }
        };
    }

    private boolean densityOver() {
        if (spec.minDensityPerM2() == null || spec.zone().areaM2() == null) {
            return true;
        }
        return smoothed / spec.zone().areaM2() >= spec.minDensityPerM2();
    }

    private Finding finding(SceneFrame f, boolean on) {
        List<Measurement> m = new ArrayList<>(List.of(
                new Measurement("people", count.people(), "persons"),
                new Measurement("peopleDetector", count.detector(), "persons")));
        if (count instanceof ZoneCount.Hybrid h) {
            m.add(new Measurement("peopleDensity", Math.round(h.density() * 10) / 10.0, "persons"));
        }
        m.addAll(List.of(
                new Measurement("peoplePeak", peak, "persons"),
                new Measurement("peopleSmoothed", Math.round(smoothed * 10) / 10.0, "persons"),
                new Measurement("threshold", spec.minPeople(), "persons"),
                new Measurement("durationSeconds", Math.round(seconds(overSince, f.at())), "s")));
        if (spec.zone().areaM2() != null) {
            m.add(new Measurement("densityPerM2", Math.round(smoothed / spec.zone().areaM2() * 1000) / 1000.0, "persons/m2"));
        }
        String summary = on
                ? String.format(Locale.ROOT, "%d people in %s (%s; peak %d, threshold %d) for %d s", count.people(), spec.zone().id(),
                how(count), peak, spec.minPeople(), Math.round(seconds(overSince, f.at())))
                : String.format(Locale.ROOT, "crowd in %s dispersed (peak was %d)", spec.zone().id(), peak);
        return new Finding(spec.ruleId(), spec.alertType(), Subject.of(f.deviceId(), spec.zone().zoneId()), on, spec.severity(), f.at(), summary, m, List.of());
    }

    /** Which count the number is, for the summary an operator reads. */
    private static String how(ZoneCount c) {
        return switch (c) {
            case ZoneCount.DetectorOnly d -> "detector";
            case ZoneCount.Hybrid h when h.dense() -> String.format(Locale.ROOT, "density count; detector %d", h.detector());
            case ZoneCount.Hybrid h -> String.format(Locale.ROOT, "detector; density %.0f", h.density());
        };
    }

    private static double seconds(@Nullable Instant from, Instant to) {
        return from == null ? 0 : Duration.between(from, to).toMillis() / 1000.0;
    }

    @Override
    public boolean showsDensity() {
        return true;
    }

    @Override
    public String state() {
        return String.format(Locale.ROOT, "crowd %s: %s (smoothed %.1f, peak %d)%s", spec.zone().id(), count.describe(), smoothed, peak,
                hold.active() ? ", ACTIVE" : "");
    }
}
