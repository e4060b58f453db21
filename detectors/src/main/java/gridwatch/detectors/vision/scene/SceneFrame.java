package gridwatch.detectors.vision.scene;

import gridwatch.detectors.vision.track.Track;

import java.time.Instant;
import java.util.List;

/** What the vision rules see of one analysed frame: who is where, for one camera. */
public record SceneFrame(String deviceId, Instant at, int width, int height, List<Track> tracks) {

    public SceneFrame {
        tracks = List.copyOf(tracks);
    }
}
