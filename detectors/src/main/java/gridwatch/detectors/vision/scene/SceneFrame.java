package gridwatch.detectors.vision.scene;

import gridwatch.detectors.vision.track.Track;

import java.time.Instant;
import java.util.List;

/** What the vision rules see of one analysed frame: who is where, for one camera. */
public record SceneFrame(String deviceId, Instant at, int width, int height, List<Track> tracks) {

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
