package gridwatch.detectors.vision.density;

/**
 * A frame prepared for a density model, on the Java heap (so it may cross threads with no native
 * owner): {@code channels} planes of {@code width × height} floats, row-major. The array is never
 * written after construction.
 *
 * @param frameWidth  the frame's own width in pixels, for scaling results back
 * @param frameHeight the frame's own height in pixels
 */
public record DensityInput(float[] pixels, int channels, int width, int height, int frameWidth, int frameHeight) {

    public DensityInput {
        if (pixels.length != channels * width * height) {
            throw new IllegalArgumentException("expected " + channels + "x" + width + "x" + height + " values, got " + pixels.length);
        }
    }
}
