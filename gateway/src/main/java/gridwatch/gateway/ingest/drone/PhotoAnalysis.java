package gridwatch.gateway.ingest.drone;

import gridwatch.detectors.core.Finding;

import java.util.List;

/**
 * What the gateway does with each accepted drone photo: the seam the photo analysis (metadata, quality gates,
 * georeference, grid cell, detection) plugs into.
 *
 * <p>Threading: {@link #analyse} is called on the drone worker thread ({@code drone-analysis}), one photo at a time,
 * in the order photos were accepted; it may block and may take long (it is never called on a Netty event loop or the
 * folder watcher). It is never called for the same photo twice while the gateway runs, nor again after a clean
 * restart once it has returned; after a crash (kill -9, power loss) the photo it was analysing at that moment is
 * analysed again.
 *
 * <p>The findings it returns go to the alert pipeline in order, after which the photo is marked done in the ledger.
 * They should be one-shot ({@link gridwatch.detectors.core.Lifetime.OneShot}): a photo is a sighting, and no rule
 * watches the object afterwards.
 *
 * <p>Ownership: the {@link DroneIngest} that is given an analysis closes it after its worker has stopped.
 */
public interface PhotoAnalysis extends AutoCloseable {

    /** Analyses nothing and finds nothing: photos are stored, recorded and counted only. */
    PhotoAnalysis NONE = photo -> List.of();

    /**
     * Analyses one photo. A thrown exception marks the attempt failed: the photo is tried again (after the others
     * waiting), and after {@value AnalysisWorker#MAX_ATTEMPTS} failed attempts it stays in the ledger as failed,
     * logged and counted, never deleted. An {@link InterruptedException} means the gateway is stopping: the photo
     * stays pending for the next start and the attempt is not counted.
     */
    List<Finding> analyse(PatrolPhoto photo) throws Exception;

    @Override
    default void close() {
    }
}
