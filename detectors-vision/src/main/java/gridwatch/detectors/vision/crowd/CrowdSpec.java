package gridwatch.detectors.vision.crowd;

import org.jspecify.annotations.Nullable;

import gridwatch.detectors.vision.scene.ZoneRuleSpec;

import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.zone.ImageZone;

/**
 * Crowd gathering (人群聚集): at least {@code minPeople} people (or {@code minDensityPerM2} when
 * the zone's ground area is known) in {@code zone} for {@code minSeconds}; ends once the
 * smoothed count has been below the threshold for {@code clearSeconds}. Counts are smoothed
 * over the last {@code smoothFrames} analysed frames, so one missed detection neither starts
 * nor ends an alert.
 */
public record CrowdSpec(String ruleId, String alertType, ImageZone zone, int minPeople, @Nullable Double minDensityPerM2,
                        double minSeconds, double clearSeconds, int smoothFrames, float minScore, Severity severity) implements ZoneRuleSpec {
}
