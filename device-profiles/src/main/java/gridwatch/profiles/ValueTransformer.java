package gridwatch.profiles;

import gridwatch.profiles.TransformResult.Reason;
import gridwatch.profiles.TransformResult.Unusable;
import gridwatch.profiles.TransformResult.Usable;

/**
 * The one place a raw device value becomes an engineering value: mask, then shift, then scale,
 * then offset (the EdgeX order), so every driver returns raw values and none re-implements this.
 * It is also the one place that decides a value is not a usable number (NaN, an infinity, a
 * transform that overflows, a value the profile's type cannot hold), so every protocol treats
 * such a value alike. It never throws: a driver's thread (an event loop, an MQTT callback, a
 * poller) must not die of what a device sent.
 */
public final class ValueTransformer {

    /** 2^63: the first double a long cannot hold. */
    private static final double TWO_POW_63 = 0x1p63;

    private ValueTransformer() {
    }

    public static TransformResult transform(ResourceProperties p, double raw) {
        if (Double.isNaN(raw)) {
            return new Unusable(raw, Reason.NAN, "NaN");
        }
        if (Double.isInfinite(raw)) {
            return new Unusable(raw, Reason.INFINITE, String.valueOf(raw));
        }
        double v = raw;
        if (p.mask() != null || p.shift() != null) {
            if (raw < -TWO_POW_63 || raw >= TWO_POW_63) {
                return new Unusable(Double.NaN, Reason.OVERFLOW, raw + " does not fit the 64 bits mask and shift work on");
            }
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
        if (!Double.isFinite(v)) {
            return new Unusable(v, Reason.OVERFLOW, raw + " transformed by the profile is " + v);
        }
        if (!fits(p.valueType(), v)) {
            return new Unusable(v, Reason.OUT_OF_TYPE, v + " does not fit " + p.valueType());
        }
        return new Usable(v);
    }

    /**
     * Whether the profile's value type can hold a finite value. Integer types are checked by
     * range only: a fraction a scale produces is kept (EdgeX keeps it too). Types that are not
     * numbers (String, Image, Video) say nothing about a number.
     */
    private static boolean fits(String valueType, double v) {
        return switch (valueType) {
            case "Int32" -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            case "Int64" -> v >= -TWO_POW_63 && v < TWO_POW_63;
            case "Float32" -> Math.abs(v) <= Float.MAX_VALUE;
            case "Bool" -> v == 0 || v == 1;
            default -> true;
        };
    }

    /** Whether a transformed value lies inside the profile's plausible range. */
    public static boolean inRange(ResourceProperties p, double value) {
        return (p.minimum() == null || value >= p.minimum()) && (p.maximum() == null || value <= p.maximum());
    }
}
