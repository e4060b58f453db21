package gridwatch.detectors.vision.zone;

import java.util.List;

/**
 * A polygon in image coordinates normalised to 0–1 (x right, y down), so a zone drawn on a
 * 1080p still holds when the camera is switched to its 720p substream.
 */
public record NormalizedPolygon(List<double[]> points) {

    public NormalizedPolygon {
        if (points.size() < 3) {
            throw new IllegalArgumentException("a zone polygon needs at least 3 points, got " + points.size());
        }
        for (double[] p : points) {
            if (p.length != 2 || p[0] < 0 || p[0] > 1 || p[1] < 0 || p[1] > 1) {
                throw new IllegalArgumentException("zone points are [x, y] between 0 and 1");
            }
        }
        points = List.copyOf(points);
    }

    public static NormalizedPolygon wholeFrame() {
        return new NormalizedPolygon(List.of(new double[] {0, 0}, new double[] {1, 0}, new double[] {1, 1}, new double[] {0, 1}));
    }

    /** Even-odd ray casting on the normalised point (x/width, y/height). */
    public boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = points.size() - 1; i < points.size(); j = i++) {
            double[] a = points.get(i);
            double[] b = points.get(j);
            if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Share of the image the polygon covers (shoelace formula). */
    public double area() {
        double s = 0;
        for (int i = 0, j = points.size() - 1; i < points.size(); j = i++) {
            s += (points.get(j)[0] + points.get(i)[0]) * (points.get(j)[1] - points.get(i)[1]);
        }
        return Math.abs(s) / 2;
    }
}
