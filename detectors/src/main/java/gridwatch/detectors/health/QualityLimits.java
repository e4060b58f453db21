package gridwatch.detectors.health;

import org.jspecify.annotations.Nullable;

/**
 * What a plausible signal from one resource looks like, from its device profile.
 *
 * @param maxStep          largest believable change between consecutive readings, or null
 * @param flatlineReadings this many identical readings in a row mean a stuck sensor, or null
 */
public record QualityLimits(@Nullable Double maxStep, @Nullable Integer flatlineReadings) {

    public static final QualityLimits NONE = new QualityLimits(null, null);
}
