package gridwatch.detectors.vision.crowd;

import org.jspecify.annotations.Nullable;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Subject;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.hold.Hold;
import gridwatch.detectors.hold.HoldClear;
import gridwatch.detectors.hold.Transition;
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

/** See {@link CrowdSpec}. People are confirmed person tracks standing in the zone. */
public final class CrowdRule extends ZoneRule<CrowdSpec> {

    private final Deque<Integer> recent = new ArrayDeque<>();
    private final HoldClear hold;
    /** The onset of the crowd being reported, for its duration; null when none. */
    private @Nullable Instant overSince;
    private int peak;
    private double smoothed;
    private int count;

    public CrowdRule(CrowdSpec spec) {
        super(spec);
        this.hold = new HoldClear(Hold.ofSeconds(spec.minSeconds(), spec.clearSeconds()));
    }



    @Override
    public Optional<Finding> evaluate(SceneFrame f) {
        count = f.people(spec.zone(), spec.minScore(), true);
        recent.addLast(count);
        if (recent.size() > spec.smoothFrames()) {
            recent.removeFirst();
        }
        smoothed = recent.stream().mapToInt(Integer::intValue).average().orElse(0);
        boolean over = smoothed >= spec.minPeople() && densityOver();
        return switch (hold.step(over, spec.severity(), f.at())) {
            case Transition.Quiet q -> Optional.empty();
            case Transition.Started st -> {
                overSince = st.onset();
                peak = count;
                yield Optional.of(finding(f, true));
            }
            case Transition.Continues c -> {
                overSince = c.onset();
                peak = Math.max(peak, count);
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
                new Measurement("people", count, "persons"),
                new Measurement("peoplePeak", peak, "persons"),
                new Measurement("peopleSmoothed", Math.round(smoothed * 10) / 10.0, "persons"),
                new Measurement("threshold", spec.minPeople(), "persons"),
                new Measurement("durationSeconds", Math.round(seconds(overSince, f.at())), "s")));
        if (spec.zone().areaM2() != null) {
            m.add(new Measurement("densityPerM2", Math.round(smoothed / spec.zone().areaM2() * 1000) / 1000.0, "persons/m2"));
        }
        String summary = on
                ? String.format(Locale.ROOT, "%d people in %s (peak %d, threshold %d) for %d s", count, spec.zone().id(), peak,
                spec.minPeople(), Math.round(seconds(overSince, f.at())))
                : String.format(Locale.ROOT, "crowd in %s dispersed (peak was %d)", spec.zone().id(), peak);
        return new Finding(spec.ruleId(), spec.alertType(), Subject.of(f.deviceId(), spec.zone().zoneId()), on, spec.severity(), f.at(), summary, m, List.of());
    }

    private static double seconds(@Nullable Instant from, Instant to) {
        return from == null ? 0 : Duration.between(from, to).toMillis() / 1000.0;
    }

    @Override
    public String state() {
        return String.format(Locale.ROOT, "crowd %s: %d people (smoothed %.1f, peak %d)%s", spec.zone().id(), count, smoothed, peak,
                hold.active() ? ", ACTIVE" : "");
    }
}
