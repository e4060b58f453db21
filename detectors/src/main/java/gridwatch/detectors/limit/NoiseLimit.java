package gridwatch.detectors.limit;

import java.util.Map;

/**
 * Environmental noise limits in dB(A), Leq, by functional area: GB 3096-2008 table 1, and the
 * GB 12523-2011 construction-site boundary limit under the key {@code construction}.
 */
public record NoiseLimit(double dayDb, double nightDb) {

    private static final Map<String, NoiseLimit> BY_CLASS = Map.of(
            "0", new NoiseLimit(50, 40),
            "1", new NoiseLimit(55, 45),
            "2", new NoiseLimit(60, 50),
            "3", new NoiseLimit(65, 55),
            "4a", new NoiseLimit(70, 55),
            "4b", new NoiseLimit(70, 60),
            "construction", new NoiseLimit(70, 55));

    /** @throws IllegalArgumentException for a class the standards do not define */
    public static NoiseLimit forAreaClass(String areaClass) {
        NoiseLimit limit = BY_CLASS.get(areaClass);
        if (limit == null) {
            throw new IllegalArgumentException("unknown noise area class '" + areaClass + "'; expected one of " + BY_CLASS.keySet());
        }
        return limit;
    }
}
