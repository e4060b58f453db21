package gridwatch.drone.detect;

import java.util.List;

/**
 * What the detector found in one photo.
 *
 * @param found   the objects, best score first
 * @param skipped groups the photo was too coarse to search for, one line each (see {@link TilePlan})
 * @param tiles   inferences run
 */
public record PhotoDetections(List<GroundDetection> found, List<String> skipped, int tiles) {

    public PhotoDetections {
        found = List.copyOf(found);
        skipped = List.copyOf(skipped);
    }

    public static PhotoDetections none(String why) {
        return new PhotoDetections(List.of(), List.of(why), 0);
    }
}
