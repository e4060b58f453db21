package gridwatch.detectors.noise;

import gridwatch.detectors.core.Severity;
import gridwatch.detectors.limit.DayNightLimit;

import java.time.Duration;

/**
 * Thresholds of a noise rule (GB 3096-2008 / GB 12523-2011 style).
 *
 * @param window       the Leq window (1 min, 5 min, 1 h …)
 * @param holdFor      the window Leq must stay over the limit this long before an alert starts
 * @param hysteresis   the window Leq must fall this far below the limit for the alert to end
 * @param lmaxMarginDb at night, an Lmax more than this over the limit alerts at once (GB 3096: 15)
 */
public record NoiseSpec(
        String ruleId,
        String alertType,
        DayNightLimit limit,
        Duration window,
        Duration holdFor,
        double hysteresis,
        double lmaxMarginDb,
        Severity severity) {
}
