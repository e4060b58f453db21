package gridwatch.detectors.vision.scene;

import gridwatch.detectors.vision.track.Track;

import org.bytedeco.opencv.opencv_core.Mat;

import java.time.Instant;
import java.util.List;

/**
 * What the vision rules see of one analysed frame: who is where, for one camera, and the picture
 * itself for rules that look at pixels (mud on a truck, a pile on the ground). {@code image} is
 * BGR and valid only during the rule's {@code evaluate}; a rule that keeps pixels clones them.
 */
public record SceneFrame(String deviceId, Instant at, int width, int height, List<Track> tracks, Mat image) {

    public SceneFrame {
        tracks = List.copyOf(tracks);
    }

    /** People standing in {@code zone} with at least {@code minScore}; {@code confirmedOnly} skips tracks seen once. */
    public int people(gridwatch.detectors.vision.zone.ImageZone zone, float minScore, boolean confirmedOnly) {
        int n = 0;
        for (Track t : tracks) {
            if (t.label().equals("person") && (t.confirmed() || !confirmedOnly) && t.score() >= minScore && zone.contains(t.box(), width, height)) {
                n++;
            }
        }
        return n;
    }
}
