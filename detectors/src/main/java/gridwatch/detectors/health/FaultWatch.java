package gridwatch.detectors.health;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Subject;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.detectors.core.Severity;

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
    private final String zoneId;
    private final int afterBad;
    private int bad;
    private int good;
    private boolean active;

    public FaultWatch(String alertType, String deviceId, String zoneId, int afterBad) {
        this.alertType = alertType;
        this.deviceId = deviceId;
        this.zoneId = zoneId;
        this.afterBad = afterBad;
    }

    public Optional<Finding> observe(Reading r) {
        if (r.quality() == Quality.BAD) {
            bad++;
            good = 0;
        } else {
            good++;
            bad = 0;
        }
        if (!active && bad >= afterBad) {
            active = true;
            return Optional.of(finding(r, true, bad + " bad readings in a row (last " + r.resource() + " = " + r.value() + ")"));
        }
        if (active && good >= afterBad) {
            active = false;
            return Optional.of(finding(r, false, good + " good readings in a row: the device recovered"));
        }
        return Optional.empty();
    }

    private Finding finding(Reading r, boolean nowActive, String summary) {
        return new Finding("device-health", alertType, Subject.of(deviceId, zoneId), nowActive, Severity.BLUE, r.observedAt(),
                summary, List.of(new Measurement("badInARow", bad, "readings")), List.of());
    }
}
