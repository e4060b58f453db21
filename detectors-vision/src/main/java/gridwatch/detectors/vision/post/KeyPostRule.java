package gridwatch.detectors.vision.post;

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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * See {@link KeyPostSpec}. Any person detection in the zone counts as presence, confirmed track
 * or not: a guard standing still behind a desk is easy to half-miss, and a false "absent" costs
 * more than a late one. Ends when someone is back or the duty window closes.
 */
public final class KeyPostRule extends ZoneRule<KeyPostSpec> {

    private @Nullable Instant lastPresent;
    /** No time hold of its own: the absence clock (since someone was last seen) is the hold, measured here. */
    private final HoldClear hold = new HoldClear(Hold.none());
    private int present;

    public KeyPostRule(KeyPostSpec spec) {
        super(spec);
    }



    @Override
    public Optional<Finding> evaluate(SceneFrame f) {
        present = f.people(spec.zone(), spec.minScore(), false);
        boolean onDuty = spec.onDuty(f.at());
        if (lastPresent == null) {
            lastPresent = f.at();
        }
        double absent = Duration.between(lastPresent, f.at()).toMillis() / 1000.0;
        if (present > 0 || !onDuty) {
            // Off duty the absence clock does not run.
            lastPresent = f.at();
        }
        boolean unstaffed = onDuty && present == 0;
        boolean absentTooLong = hold.active() ? unstaffed : unstaffed && absent > spec.maxAbsentSeconds();
        return switch (hold.step(absentTooLong, spec.severity(), f.at())) {
            case Transition.Quiet q -> Optional.empty();
            case Transition.Cleared c -> Optional.of(finding(f, false, absent,
                    present > 0 ? "post " + spec.zone().id() + " staffed again" : "duty window at " + spec.zone().id() + " closed"));
            case Transition.Started st -> absentFinding(f, absent);
            case Transition.Continues c -> absentFinding(f, absent);
        };
    }

    private Optional<Finding> absentFinding(SceneFrame f, double absent) {
        return Optional.of(finding(f, true, absent, String.format(Locale.ROOT, "nobody at post %s for %d min (allowed %d min)",
                spec.zone().id(), Math.round(absent / 60), Math.round(spec.maxAbsentSeconds() / 60))));
    }

    private Finding finding(SceneFrame f, boolean on, double absent, String summary) {
        return new Finding(spec.ruleId(), spec.alertType(), Subject.of(f.deviceId(), spec.zone().zoneId()), on, spec.severity(), f.at(), summary,
                List.of(new Measurement("absentSeconds", Math.round(absent), "s"),
                        new Measurement("allowedSeconds", spec.maxAbsentSeconds(), "s"),
                        new Measurement("people", present, "persons")), List.of());
    }

    @Override
    public String state() {
        return "post " + spec.zone().id() + ": " + present + " present" + (hold.active() ? ", ABSENT" : "");
    }
}
