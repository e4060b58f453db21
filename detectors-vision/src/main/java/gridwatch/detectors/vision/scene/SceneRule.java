package gridwatch.detectors.vision.scene;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.vision.snapshot.Region;

import java.util.List;
import java.util.Optional;

/**
 * A rule over analysed frames of one camera. Returns a finding while its condition holds (the
 * gateway turns the first into an alert start, later ones into updates) and one inactive
 * finding when it clears. The gateway attaches the annotated snapshot.
 *
 * <p>A rule is owned by one {@link SceneAnalyzer}: called on that camera's analysis thread only,
 * and closed by it once, after its last {@link #evaluate}. A rule that keeps native memory between
 * frames (working images, a clone of a frame) frees it in {@link #close()}; it is not used again.
 */
public interface SceneRule extends AutoCloseable {

    String ruleId();

    /** The image zone the rule watches, drawn on its snapshots. */
    gridwatch.detectors.vision.zone.ImageZone zone();

    Optional<Finding> evaluate(SceneFrame frame);

    /** One line for the detect tool and /health, e.g. "crowd 12 (smoothed 11.4), 35 s over". */
    String state();

    /** Areas the rule found that are not tracked objects (a pile), drawn on its snapshots. */
    default List<Region> regions() {
        return List.of();
    }

    /** Whether its snapshots show the camera's density map as a heat overlay (rules that count people by it). */
    default boolean showsDensity() {
        return false;
    }

    /** Frees the native memory the rule holds; rules that hold none need not override it. */
    @Override
    default void close() {
    }
}
