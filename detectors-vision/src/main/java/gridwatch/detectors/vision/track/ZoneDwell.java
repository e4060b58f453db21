package gridwatch.detectors.vision.track;

import gridwatch.detectors.vision.zone.CountingLine;
import gridwatch.detectors.vision.zone.ImageZone;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tracks did relative to a camera's zones and lines: how long each track has been in
 * each zone (dwell, from the frame it was first seen standing in it), and how many tracks
 * crossed each line in each direction. One per camera, fed every analysed frame.
 */
public final class ZoneDwell {

    /** Per zone: tracks inside now and the longest dwell among them. */
    public record ZoneState(int tracks, double maxDwellSeconds) {
    }

    private final List<ImageZone> zones;
    private final List<CountingLine> lines;
    private final Map<String, Map<Long, Instant>> entered = new HashMap<>();
    private final Map<String, int[]> crossings = new LinkedHashMap<>();

    public ZoneDwell(List<ImageZone> zones, List<CountingLine> lines) {
        this.zones = List.copyOf(zones);
        this.lines = List.copyOf(lines);
        for (ImageZone z : zones) {
            entered.put(z.id(), new HashMap<>());
        }
        for (CountingLine l : lines) {
            crossings.put(l.id(), new int[2]);
        }
    }

    public Map<String, ZoneState> update(List<Track> tracks, Instant at, int width, int height) {
        Map<String, ZoneState> now = new LinkedHashMap<>();
        for (ImageZone z : zones) {
            Map<Long, Instant> in = entered.computeIfAbsent(z.id(), k -> new HashMap<>());
            Map<Long, Instant> still = new HashMap<>();
            double longest = 0;
            for (Track t : tracks) {
                if (z.contains(t.box(), width, height)) {
                    Instant since = in.getOrDefault(t.id(), at);
                    still.put(t.id(), since);
                    longest = Math.max(longest, Duration.between(since, at).toMillis() / 1000.0);
                }
            }
            in.clear();
            in.putAll(still);
            now.put(z.id(), new ZoneState(still.size(), longest));
        }
        for (CountingLine l : lines) {
            for (Track t : tracks) {
                CountingLine.Direction d = l.crossed(t.previous(), t.box(), width, height);
                if (d != null) {
                    crossings.computeIfAbsent(l.id(), k -> new int[2])[d == CountingLine.Direction.IN ? 0 : 1]++;
                }
            }
        }
        return now;
    }

    /** Per line: crossings so far, [in, out]. */
    public Map<String, int[]> crossings() {
        Map<String, int[]> copy = new LinkedHashMap<>();
        crossings.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }
}
