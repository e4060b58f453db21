package gridwatch.detectors.vision.density;

import java.time.Duration;

/**
 * How one camera counts by density (documented for operators in docs/configuration.md and
 * docs/vision-quality.md).
 *
 * @param inputWidth the width frames are scaled to for the model (never enlarged); the height keeps the
 *                   aspect ratio. Small heads need pixels: a far square wants more, a near street less
 * @param period     how often the model runs, at most: every few seconds, not every frame
 * @param switchOver the density count (after the noise floor) from which a zone counts as dense; from
 *                   there the zone's count is the density count (or the detector's, if higher), below
 *                   it the detector's tracked people
 * @param noiseFloor the people the model reports on this camera's empty picture (phantoms on textured
 *                   ground); each zone takes it off its density count in proportion to its share of
 *                   the picture
 */
public record DensitySettings(int inputWidth, Duration period, double switchOver, double noiseFloor) {

    /**
     * A reading is used for at least this long: a busy density worker stretches every camera's period
     * (20 s measured for 16 cameras on a shared 2-core box), and dropping to the detector's count in
     * between would make a crowd seem to thin out.
     */
    private static final Duration MIN_STALE = Duration.ofSeconds(30);

    public DensitySettings {
        if (inputWidth < 4) {
            throw new IllegalArgumentException("density inputWidth must be at least 4, got " + inputWidth);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("density period must be positive, got " + period);
        }
        if (switchOver < 0 || noiseFloor < 0) {
            throw new IllegalArgumentException("density switchOver and noiseFloor must not be negative");
        }
    }

    /**
     * How old a reading may be and still count: four periods, and never under 30 s. Older means the
     * model is failing or hopelessly behind, and the rules go back to the detector's count.
     */
    public Duration staleAfter() {
        Duration four = period.multipliedBy(4);
        return four.compareTo(MIN_STALE) < 0 ? MIN_STALE : four;
    }
}
