package gridwatch.detectors.vision.density;

/**
 * A density map over the whole frame: {@code width × height} cells, row-major, cell (x, y) covering
 * the normalised area [x/width, (x+1)/width) × [y/height, (y+1)/height) of the picture. Each value
 * is people per cell, so the sum over an area is the number of people in it. The array is never
 * written after construction.
 */
public record DensityMap(float[] cells, int width, int height) {

    public DensityMap {
        if (cells.length != width * height) {
            throw new IllegalArgumentException("expected " + width + "x" + height + " cells, got " + cells.length);
        }
    }

    /** People in the whole picture. */
    public double total() {
        double s = 0;
        for (float c : cells) {
            s += c;
        }
        return s;
    }

    /** The largest cell value. */
    public float max() {
        float m = 0;
        for (float c : cells) {
            m = Math.max(m, c);
        }
        return m;
    }
}
