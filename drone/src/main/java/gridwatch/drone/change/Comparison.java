package gridwatch.drone.change;

import java.util.List;

/**
 * What comparing one photo with one photo of the previous patrol showed, over the ground both cover.
 *
 * @param method    how positions were compared
 * @param note      the registration used, or why there was none (then the georeference was used)
 * @param appeared  indices of the current photo's detections the previous photo did not show there
 * @param present   indices of the current detections the previous photo showed too
 * @param vanished  what the previous photo showed that the current one does not
 * @param compared  the previous photo's sightings that lay where the current photo looked (vanished or not)
 */
public record Comparison(Method method, String note, List<Integer> appeared, List<Integer> present, List<PriorSighting> vanished,
                         List<PriorSighting> compared) {

    public Comparison {
        appeared = List.copyOf(appeared);
        present = List.copyOf(present);
        vanished = List.copyOf(vanished);
        compared = List.copyOf(compared);
    }

    public enum Method {
        /** The photos registered image to image (homography checked against the yaws): positions compared in pixels. */
        REGISTERED,
        /** No registration passed its check: ground positions compared within the combined uncertainty. */
        GEOREFERENCED
    }
}
