package gridwatch.drone.detect;

import gridwatch.detectors.vision.Box;
import gridwatch.drone.georef.GroundPoint;
import org.jspecify.annotations.Nullable;

/**
 * One object the detector found in a photo.
 *
 * @param group  the object group it counts for
 * @param label  the model's class name
 * @param box    in the stored photo's pixels
 * @param ground where it is on the ground (box centre straight down, the foot of the box when oblique), with its
 *               uncertainty; null when the photo gives no location
 */
public record GroundDetection(String group, String label, float score, Box box, @Nullable GroundPoint ground) {
}
