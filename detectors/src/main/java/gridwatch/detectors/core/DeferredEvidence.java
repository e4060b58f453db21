package gridwatch.detectors.core;

/**
 * Evidence made only when an alert that carries it is actually sent: an annotated JPEG costs about a third of an
 * inference, and most findings of an ongoing incident become no alert at all (the update interval). It owns no native
 * memory (what it renders from is on the Java heap), so a finding dropped anywhere on its way leaks nothing.
 *
 * <p>{@link #render()} runs on the thread that dresses the alert (the gateway's pipeline thread); it may take tens of
 * milliseconds of CPU but never blocks on I/O. It may be called more than once and returns the same evidence.
 */
@FunctionalInterface
public interface DeferredEvidence {

    Evidence render();

    /**
     * Rendered no larger than {@code encoding} allows: for a picture, at most that wide and at most that JPEG quality
     * (an alert must fit its message bound, or the center asked for smaller pictures). Evidence that is no picture, or
     * cannot be re-encoded, is {@link #render()} as it is. Same thread and cost rules as {@link #render()}.
     */
    default Evidence render(ImageEncoding encoding) {
        return render();
    }
}
