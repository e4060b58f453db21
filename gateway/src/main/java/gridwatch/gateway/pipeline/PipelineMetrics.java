package gridwatch.gateway.pipeline;

/**
 * What the pipeline counts. The pipeline depends on this interface, not on the operations package
 * that implements it (Prometheus). Called on the pipeline thread, and {@link #findingDropped} and
 * {@link #readingDropped} also on the threads of sources that offer input; none may block.
 */
public interface PipelineMetrics {

    void readingIn(String deviceId);

    /** A reading refused because the pipeline's queue was full. */
    void readingDropped();

    /** A finding or control message refused because its lane was full. */
    void findingDropped();

    /** An alert stored in the outbox (produced). */
    void alertProduced(String type, String lifecycle);

    /** An alert the outbox did not store, and why. */
    void alertNotStored(String reason);

    /** A stored alert a slow tap (recent alerts, log, ...) had no room for; the others still got it. */
    void tapDropped(String tap);
}
