package gridwatch.detectors.vision.muck;

import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.zone.CountingLine;

import java.util.Set;

/**
 * Unwashed muck truck leaving a site (渣土车未冲洗): a vehicle of one of {@code labels} (COCO
 * {@code truck}, or a site model's class) crossing {@code exit} in its OUT direction, whose
 * median {@link MudScore} over the frames it was seen in reaches {@code mudThreshold}. Every
 * exiting truck is counted, washed or not, for the site's record. The incident stays open while
 * unwashed trucks keep leaving, and ends {@code clearSeconds} after the last one.
 */
public record MuckTruckSpec(String ruleId, String alertType, CountingLine exit, Set<String> labels, float minScore,
                            double mudThreshold, int maxSamples, double clearSeconds, MudScore.Settings mud, Severity severity) {
}
