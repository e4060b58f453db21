package gridwatch.detectors.vision.snapshot;

import gridwatch.detectors.core.DeferredEvidence;
import gridwatch.detectors.core.Evidence;
import gridwatch.detectors.core.ImageEncoding;
import org.jspecify.annotations.Nullable;

import java.util.Base64;
import java.util.concurrent.atomic.LongAdder;

/**
 * A sketch as deferred evidence: rendered the first time an alert that carries it is sent, then reused (several
 * findings of one frame share one). Counts its renders into {@code rendered}, the owner's counter. A smaller
 * encoding ({@link #render(ImageEncoding)}) re-encodes that render ({@link JpegRecoder}); the last one is kept.
 */
public final class LazyJpeg implements DeferredEvidence {

    private final String kind;
    private final Sketch sketch;
    private final LongAdder rendered;
    private @Nullable Evidence evidence;
    private byte @Nullable [] jpeg;
    private @Nullable ImageEncoding lastEncoding;
    private @Nullable Evidence lastSmaller;

    public LazyJpeg(String kind, Sketch sketch, LongAdder rendered) {
        this.kind = kind;
        this.sketch = sketch;
        this.rendered = rendered;
    }

    /** Runs on the thread that dresses the alert; synchronized since findings of one frame may share it. */
    @Override
    public synchronized Evidence render() {
        Evidence e = evidence;
        if (e == null) {
            byte[] drawn = sketch.jpeg();
            jpeg = drawn;
            e = new Evidence(kind, "image/jpeg", null, Base64.getEncoder().encodeToString(drawn));
            evidence = e;
            rendered.increment();
        }
        return e;
    }

    /**
     * As drawn when that is within {@code encoding} (no second encoding), else re-encoded at most that wide and at
     * that quality. Same thread as {@link #render()}; a re-encoding is a decode, a resize and an encode.
     */
    @Override
    public synchronized Evidence render(ImageEncoding encoding) {
        Evidence drawn = render();
        byte[] source = jpeg;
        if (source == null || encoding.maxWidth() >= sketch.width() && encoding.quality() >= sketch.quality()) {
            return drawn;
        }
        Evidence smaller = lastSmaller;
        if (smaller == null || !encoding.equals(lastEncoding)) {
            byte[] bytes = JpegRecoder.recode(source, encoding.maxWidth(), Math.min(encoding.quality(), sketch.quality()));
            smaller = new Evidence(kind, "image/jpeg", null, Base64.getEncoder().encodeToString(bytes));
            lastSmaller = smaller;
            lastEncoding = encoding;
        }
        return smaller;
    }
}
