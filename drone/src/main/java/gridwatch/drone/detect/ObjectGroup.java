package gridwatch.drone.detect;

import java.util.Set;

/**
 * One kind of object patrols look for, and the resolution the model needs to see it.
 *
 * @param id       the group's id (config {@code drone.detection.objects[].id})
 * @param labels   the model's class names that count as this group
 * @param sizeM    the object's typical size seen from above, m
 * @param minPx    how many model input pixels that size must span
 * @param minScore lowest detection score kept
 */
public record ObjectGroup(String id, Set<String> labels, double sizeM, int minPx, float minScore) {

    public ObjectGroup {
        labels = Set.copyOf(labels);
        if (!(sizeM > 0) || minPx <= 0) {
            throw new IllegalArgumentException("object group " + id + ": size " + sizeM + " m and " + minPx + " px must be positive");
        }
    }

    /**
     * The scale a photo of this ground resolution must be brought to for the model: {@code minPx} model pixels per
     * {@code sizeM} (1 = as stored, 2 = enlarged twice, 0.5 = halved).
     *
     * @param gsdCm the photo's ground sampling distance, cm per stored pixel
     */
    public double scaleFor(double gsdCm) {
        return minPx * gsdCm / (sizeM * 100);
    }
}
