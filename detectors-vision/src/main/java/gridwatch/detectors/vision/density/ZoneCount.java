package gridwatch.detectors.vision.density;

import java.util.Locale;

/**
 * How many people a rule should take a zone to hold on one frame: the detector's tracked people, or,
 * with a density reading, the hybrid of both (see {@link DensityView#count}).
 */
public sealed interface ZoneCount {

    /** The count a rule uses. */
    int people();

    /** Person tracks the detector follows in the zone. */
    int detector();

    /** For /health and the detect tool. */
    String describe();

    /** No density reading (not configured for the camera, not yet run, or stale): the detector alone. */
    record DetectorOnly(int detector) implements ZoneCount {
        @Override
        public int people() {
            return detector;
        }

        @Override
        public String describe() {
            return detector + " people (detector)";
        }
    }

    /**
     * Both counts and what was made of them.
     *
     * @param densityRaw the density map's sum over the zone
     * @param density    after the zone's part of the noise floor, never below 0
     * @param dense      whether {@code density} reached the switch-over, so the density count is used
     */
    record Hybrid(int detector, double densityRaw, double density, boolean dense, int people) implements ZoneCount {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%d people (detector %d, density %.1f, %.1f over the noise floor%s)", people, detector,
                    densityRaw, density, dense ? ", dense" : "");
        }
    }
}
