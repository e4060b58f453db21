package gridwatch.drone.detect;

import java.util.List;

/**
 * How patrol photos are searched.
 *
 * @param groups      what to look for
 * @param tileOverlap share of a tile its neighbour overlaps, 0 … 0.6
 * @param maxUpscale  at most this enlargement; a group needing more is skipped for the photo (it is too coarse)
 * @param nmsIou      boxes of one class overlapping more than this across tiles are one object
 */
public record DetectionSettings(List<ObjectGroup> groups, double tileOverlap, double maxUpscale, float nmsIou) {

    public DetectionSettings {
        groups = List.copyOf(groups);
        if (!(tileOverlap >= 0 && tileOverlap <= 0.6) || !(maxUpscale >= 1)) {
            throw new IllegalArgumentException("tile overlap " + tileOverlap + " (0..0.6), max upscale " + maxUpscale + " (>= 1)");
        }
    }

    public DetectionSettings withGroups(List<ObjectGroup> only) {
        return new DetectionSettings(only, tileOverlap, maxUpscale, nmsIou);
    }
}
