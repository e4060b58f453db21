package gridwatch.detectors.vision.density;

import gridwatch.detectors.vision.ObjectDetector;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.detectors.vision.scene.SceneRule;
import gridwatch.detectors.vision.snapshot.Annotator;
import gridwatch.detectors.vision.track.IouTracker;
import gridwatch.detectors.vision.zone.ImageZone;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.List;

/** Test helper: a camera's analysis chain as the gateway builds it, with density estimated on the analysis thread. */
final class DensityChain {

    /** The gateway's defaults (edge-config schema): 960 px, every 5 s, dense from 25 people, 8 phantom people per picture. */
    static final DensitySettings DEFAULTS = new DensitySettings(960, Duration.ofSeconds(5), 25, 8);

    private DensityChain() {
    }

    /** @param counter null for a camera without density */
    static SceneAnalyzer camera(String id, ObjectDetector detector, @Nullable DensityCounter counter, DensitySettings settings,
                                List<ImageZone> zones, List<SceneRule> rules) {
        DensitySampler sampler = counter == null ? null : new DensitySampler(id, counter, settings, zones, Runnable::run);
        return new SceneAnalyzer(id, detector, null, new IouTracker(IouTracker.Settings.defaults()), rules, zones, List.of(),
                new Annotator(1280, 80), sampler);
    }
}
