package gridwatch.profiles;

/**
 * The one place a raw device value becomes an engineering value: mask, then shift, then scale,
 * then offset (the EdgeX order), so every driver returns raw values and none re-implements this.
 */
public final class ValueTransformer {

    private ValueTransformer() {
    }

    public static double apply(ResourceProperties p, double raw) {
        double v = raw;
        if (p.mask() != null || p.shift() != null) {
            long bits = (long) raw;
            if (p.mask() != null) {
                bits &= p.mask();
            }
            if (p.shift() != null) {
                bits = p.shift() >= 0 ? bits >>> p.shift() : bits << -p.shift();
            }
            v = bits;
        }
        if (p.scale() != null) {
            v *= p.scale();
        }
        if (p.offset() != null) {
            v += p.offset();
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new ArithmeticException("transform of " + raw + " is not a finite number");
        }
        return v;
    }

    /** Whether a transformed value lies inside the profile's plausible range. */
    public static boolean inRange(ResourceProperties p, double value) {
        return (p.minimum() == null || value >= p.minimum()) && (p.maximum() == null || value <= p.maximum());
    }
}
