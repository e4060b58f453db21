package gridwatch.detectors.health;

import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;

/**
 * Marks implausible readings of one resource bad before any rule sees them: a spike (a jump
 * larger than {@code maxStep} from the last good value) or a flatline (the same value
 * {@code flatlineReadings} times in a row, as a stuck or disconnected sensor sends). Bad
 * readings are kept (for storage and the fault count), never alerted on. Pipeline thread only.
 */
public final class QualityGate {

    private final QualityLimits limits;
    private double lastGood = Double.NaN;
    private double lastValue = Double.NaN;
    private int repeats;

    public QualityGate(QualityLimits limits) {
        this.limits = limits;
    }

    public Reading check(Reading r) {
        if (r.quality() == Quality.BAD) {
            return r;
        }
        double v = r.value();
        repeats = v == lastValue ? repeats + 1 : 1;
        lastValue = v;
        boolean flat = limits.flatlineReadings() != null && repeats >= limits.flatlineReadings();
        boolean spike = limits.maxStep() != null && !Double.isNaN(lastGood) && Math.abs(v - lastGood) > limits.maxStep();
        if (flat || spike) {
            return new Reading(r.deviceId(), r.resource(), v, r.unit(), r.observedAt(), Quality.BAD);
        }
        lastGood = v;
        return r;
    }
}
