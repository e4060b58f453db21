package gridwatch.detectors.vision.zone;

import org.jspecify.annotations.Nullable;

import gridwatch.detectors.vision.Box;

/**
 * A line across an exit, from A to B in normalised coordinates. Crossing it from the left of
 * A→B to the right is {@code OUT} (leaving the site), the other way {@code IN}: draw the line so
 * that the site lies on its left.
 */
public record CountingLine(String id, @Nullable String zoneId, double ax, double ay, double bx, double by) {

    public enum Direction { IN, OUT }

    /** The direction an object crossed between two boxes, or null if it did not cross the segment. */
    public @Nullable Direction crossed(Box before, Box after, int width, int height) {
        double px = before.footX() / width, py = before.footY() / height;
        double qx = after.footX() / width, qy = after.footY() / height;
        double s1 = side(px, py);
        double s2 = side(qx, qy);
        if (s1 == 0 || s2 == 0 || (s1 > 0) == (s2 > 0)) {
            return null;
        }
        // The movement must cross the segment itself, not the line's extension.
        double t1 = (ax - px) * (qy - py) - (ay - py) * (qx - px);
        double t2 = (bx - px) * (qy - py) - (by - py) * (qx - px);
        if ((t1 > 0) == (t2 > 0)) {
            return null;
        }
        return s1 > 0 ? Direction.OUT : Direction.IN;
    }

    /** Positive on the left of A→B in image coordinates (y down). */
    private double side(double x, double y) {
        return -((bx - ax) * (y - ay) - (by - ay) * (x - ax));
    }
}
