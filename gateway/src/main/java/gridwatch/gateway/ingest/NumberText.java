package gridwatch.gateway.ingest;

import java.util.OptionalDouble;

/**
 * A number written as text, the way devices write them: a decimal with optional sign, fraction
 * and exponent ({@code -12.5}, {@code 1e999}), or the words C, Python and Java print for values
 * that are not finite ({@code NaN}, {@code nan}, {@code -nan}, {@code inf}, {@code Infinity},
 * with a sign; any case). Anything else is no number. Unlike {@link Double#parseDouble} it
 * refuses Java's own forms ({@code 0x1p3}, {@code 1.5d}), which no device sends. Whether the
 * number is usable is decided later, by the profile's transform.
 */
public final class NumberText {

    private NumberText() {
    }

    public static OptionalDouble parse(String text) {
        String t = text.strip();
        int n = t.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        String rest = t.substring(i);
        if (rest.equalsIgnoreCase("nan")) {
            return OptionalDouble.of(Double.NaN);
        }
        if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
            return OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        int digits = 0;
        for (; i < n && isDigit(t.charAt(i)); i++) {
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            for (i++; i < n && isDigit(t.charAt(i)); i++) {
                digits++;
            }
        }
        if (digits == 0) {
            return OptionalDouble.empty();
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < n && isDigit(t.charAt(i)); i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return OptionalDouble.empty();
            }
        }
        // Checked above to be a plain decimal, which parseDouble reads correctly rounded (1e999 becomes Infinity).
        return i == n ? OptionalDouble.of(Double.parseDouble(t)) : OptionalDouble.empty();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
