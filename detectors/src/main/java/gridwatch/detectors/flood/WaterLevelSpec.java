package gridwatch.detectors.flood;

import org.jspecify.annotations.Nullable;

import gridwatch.detectors.core.Severity;

import java.time.Duration;

/**
 * Flood-watch lines of one gauge, in metres of the station's datum.
 *
 * @param warningLevel      警戒水位: at or above it the alert is orange
 * @param guaranteeLevel    保证水位: at or above it the alert is red
 * @param approachMargin    yellow from {@code warningLevel - approachMargin}
 * @param riseRateCmPerHour blue when rising at least this fast below yellow; null to disable
 * @param rateWindow        the span over which the rate of rise is measured
 * @param hysteresis        a level must fall this far below a line before its colour is dropped
 */
public record WaterLevelSpec(
        String ruleId,
        String alertType,
        String resource,
        double warningLevel,
        double guaranteeLevel,
        double approachMargin,
        @Nullable Double riseRateCmPerHour,
        Duration rateWindow,
        double hysteresis) {
}
