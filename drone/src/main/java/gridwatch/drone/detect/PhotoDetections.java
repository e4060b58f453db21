package gridwatch.drone.detect;

import java.util.List;
import java.util.Set;

/**
 * What the detector found in one photo.
 *
 * @param found   the objects, best score first
 * @param skipped groups the photo was too coarse to search for, one line each (see {@link TilePlan})
 * @param tiles   inferences run
 * @param searched ids of the groups the photo was searched for (what it did not show, it would have)
 */
public record PhotoDetections(List<GroundDetection> found, List<String> skipped, int tiles, Set<String> searched) {

    public PhotoDetections {
        found = List.copyOf(found);
        skipped = List.copyOf(skipped);
        searched = Set.copyOf(searched);
    }

    public static PhotoDetections none(String why) {
        return new PhotoDetections(List.of(), List.of(why), 0, Set.of());
    }
}
