package gridwatch.detectors.health;

import org.jspecify.annotations.Nullable;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Subject;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.hold.Hold;
import gridwatch.detectors.hold.HoldClear;
import gridwatch.detectors.hold.Transition;

import java.util.List;
import java.util.Optional;

/**
 * A device fault: {@code afterBad} bad readings in a row from one device (out of range, spiking,
 * flatlined, or flagged faulty by the device itself) start a device-fault finding; as many good
 * readings in a row end it. One per device; pipeline thread only.
 */
public final class FaultWatch {

    private final String alertType;
    private final String deviceId;
    private final @Nullable String zoneId;
    private final int afterBad;
    private final HoldClear hold;
    /** For the evidence only; the hold counts its own runs. */
    private int bad;

    public FaultWatch(String alertType, String deviceId, @Nullable String zoneId, int afterBad) {
        this.alertType = alertType;
        this.deviceId = deviceId;
        this.zoneId = zoneId;
        this.afterBad = afterBad;
        this.hold = new HoldClear(Hold.steps(afterBad, afterBad));
    }

    public Optional<Finding> observe(Reading r) {
        boolean isBad = r.quality() == Quality.BAD;
        bad = isBad ? bad + 1 : 0;
        return switch (hold.step(isBad, Severity.BLUE, r.observedAt())) {
            case Transition.Started st ->
                    Optional.of(finding(r, true, bad + " bad readings in a row (last " + r.resource() + " = " + r.value() + ")"));
            case Transition.Cleared c -> Optional.of(finding(r, false, afterBad + " good readings in a row: the device recovered"));
            case Transition.Quiet q -> Optional.empty();
            case Transition.Continues c -> Optional.empty(); // a fault is reported when it starts and ends only
        };
    }

    private Finding finding(Reading r, boolean nowActive, String summary) {
        return new Finding("device-health", alertType, Subject.of(deviceId, zoneId), nowActive, Severity.BLUE, r.observedAt(),
                summary, List.of(new Measurement("badInARow", bad, "readings")), List.of());
    }
}
