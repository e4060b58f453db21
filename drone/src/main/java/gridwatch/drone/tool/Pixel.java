package gridwatch.drone.tool;

import java.util.Locale;

/** A pixel an operator asks about, in the stored photo's pixels ((0, 0) = top-left corner). */
public record Pixel(double x, double y) {

    /** From {@code X,Y}, e.g. {@code 588.7,35.1}. */
    public static Pixel parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a pixel is X,Y (e.g. 588.7,35.1), not '" + text + "'");
        }
        try {
            return new Pixel(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a pixel is X,Y with numbers (e.g. 588.7,35.1), not '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
    }
}
