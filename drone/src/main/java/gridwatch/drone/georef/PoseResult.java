package gridwatch.drone.georef;

import gridwatch.drone.quality.PhotoWarning;

import java.util.List;

/** What a photo's metadata allows: a camera pose, or the reasons there is none (each a warning that blocks a location). */
public sealed interface PoseResult {

    record Located(CameraPose pose) implements PoseResult {
    }

    record NotLocated(List<PhotoWarning> reasons) implements PoseResult {
        public NotLocated {
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a photo without a location needs the reason");
            }
            reasons = List.copyOf(reasons);
        }
    }
}
