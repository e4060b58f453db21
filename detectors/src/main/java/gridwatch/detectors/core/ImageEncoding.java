package gridwatch.detectors.core;

/**
 * How a picture is encoded when evidence is rendered for an alert: at most {@code maxWidth} pixels wide (the aspect
 * kept), at JPEG quality at most {@code quality} (1–100). A picture drawn smaller or at a lower quality stays as drawn.
 */
public record ImageEncoding(int maxWidth, int quality) {

    /** Whatever the rule drew, as it drew it. */
    public static final ImageEncoding AS_DRAWN = new ImageEncoding(Integer.MAX_VALUE, 100);

    public ImageEncoding {
        if (maxWidth < 1 || quality < 1 || quality > 100) {
            throw new IllegalArgumentException("maxWidth " + maxWidth + ", quality " + quality);
        }
    }
}
