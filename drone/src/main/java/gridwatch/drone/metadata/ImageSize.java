package gridwatch.drone.metadata;

/** Pixels as the JPEG frame header (SOF) stores them: what a decoder gives, whatever EXIF claims. */
public record ImageSize(int width, int height) {

    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size " + width + "x" + height);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
