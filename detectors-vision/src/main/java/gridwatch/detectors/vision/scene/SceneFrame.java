package gridwatch.detectors.vision.scene;

import gridwatch.detectors.vision.density.DensityView;
import gridwatch.detectors.vision.density.ZoneCount;
import gridwatch.detectors.vision.track.Track;
import gridwatch.detectors.vision.zone.ImageZone;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What the vision rules see of one analysed frame: who is where, for one camera, and the picture
 * itself for rules that look at pixels (mud on a truck, a pile on the ground). {@code image} is
 * BGR and valid only during the rule's {@code evaluate}; a rule that keeps pixels clones them.
 *
 * @param density the camera's latest density reading, when it counts by density and has one recent enough
 */
public record SceneFrame(String deviceId, Instant at, int width, int height, List<Track> tracks, Mat image, @Nullable DensityView density) {

    public SceneFrame {
        tracks = List.copyOf(tracks);
    }

    /** A frame of a camera that does not count by density. */
    public SceneFrame(String deviceId, Instant at, int width, int height, List<Track> tracks, Mat image) {
        this(deviceId, at, width, height, tracks, image, null);
    }

    /** People standing in {@code zone} with at least {@code minScore}; {@code confirmedOnly} skips tracks seen once. */
    public int people(ImageZone zone, float minScore, boolean confirmedOnly) {
        int n = 0;
        for (Track t : tracks) {
            if (t.label().equals("person") && (t.confirmed() || !confirmedOnly) && t.score() >= minScore && zone.contains(t.box(), width, height)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The people a rule should take {@code zone} to hold: the confirmed person tracks (at least {@code minScore}),
     * combined with the density count when there is a reading (see {@link DensityView#count}).
     */
    public ZoneCount count(ImageZone zone, float minScore) {
        int detector = people(zone, minScore, true);
        return density == null ? new ZoneCount.DetectorOnly(detector) : density.count(zone, detector);
    }
}
