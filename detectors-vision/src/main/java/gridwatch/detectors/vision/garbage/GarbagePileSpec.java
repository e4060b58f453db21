package gridwatch.detectors.vision.garbage;

import gridwatch.detectors.vision.scene.ZoneRuleSpec;

import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.zone.ImageZone;

import java.util.Set;

/**
 * Garbage pile (垃圾堆放) in a no-dumping zone: a region that differs from the learned clean
 * background by more than {@code diffThreshold} grey levels, is not a tracked person or vehicle,
 * covers at least {@code minAreaShare} of the zone and has persisted for {@code persistSeconds}.
 * {@code learnSeconds} of the first frames build the clean background (start the rule on a clean
 * scene). Detections of {@code garbageLabels} (a site model's classes) count as pile at once.
 * Ends once the persistent area stays under half the threshold for {@code clearSeconds}.
 */
public record GarbagePileSpec(String ruleId, String alertType, ImageZone zone, double learnSeconds, double diffThreshold,
                              double minAreaShare, double persistSeconds, double clearSeconds, Set<String> garbageLabels,
                              Severity severity) implements ZoneRuleSpec {
}
