package gridwatch.detectors.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A value with a fixed number of decimals for a finding's summary: what {@code String.format(Locale.ROOT, "%.Nf", v)}
 * writes (half up, on the shortest decimal that reads back as the double), without a {@link java.util.Formatter} per
 * call. Summaries are made for every alert; a formatter parsed its pattern each time. Always a dot, whatever the
 * box's locale (the center reads these).
 */
public final class Decimals {

    private Decimals() {
    }

    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v) || v == 0) {
            // NaN, the infinities and -0.0 as the formatter writes them: rare, not worth a second path.
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        String s = new BigDecimal(Double.toString(v)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        // A negative value that rounds to zero keeps its sign with the formatter ("-0.0"); BigDecimal has no -0.
        return v < 0 && s.charAt(0) != '-' ? "-" + s : s;
    }
}
