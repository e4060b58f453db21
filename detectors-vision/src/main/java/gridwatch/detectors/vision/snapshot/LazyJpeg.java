package gridwatch.detectors.vision.snapshot;

import gridwatch.detectors.core.DeferredEvidence;
import gridwatch.detectors.core.Evidence;
import org.jspecify.annotations.Nullable;

import java.util.Base64;
import java.util.concurrent.atomic.LongAdder;

/**
 * A sketch as deferred evidence: rendered the first time an alert that carries it is sent, then reused (several
 * findings of one frame share one). Counts its renders into {@code rendered}, the owner's counter.
 */
public final class LazyJpeg implements DeferredEvidence {

    private final String kind;
    private final Sketch sketch;
    private final LongAdder rendered;
    private @Nullable Evidence evidence;

    public LazyJpeg(String kind, Sketch sketch, LongAdder rendered) {
        this.kind = kind;
        this.sketch = sketch;
        this.rendered = rendered;
    }

    /** Runs on the thread that dresses the alert; synchronized since findings of one frame may share it. */
    @Override
    public synchronized Evidence render() {
        if (evidence == null) {
            evidence = new Evidence(kind, "image/jpeg", null, Base64.getEncoder().encodeToString(sketch.jpeg()));
            rendered.increment();
        }
        return evidence;
    }
}
