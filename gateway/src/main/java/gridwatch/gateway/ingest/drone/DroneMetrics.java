package gridwatch.gateway.ingest.drone;

import java.util.function.LongSupplier;

/**
 * What drone ingest counts, as ingest sees it (operations implements it with Prometheus meters). Called on the folder
 * watcher, the upload intake, Netty's event loop (refusals of a request head) and the analysis worker: must not block.
 */
public interface DroneMetrics {

    /** A new photo was stored and recorded ({@code source}: folder or upload). */
    void photoAccepted(String source);

    /** A photo whose bytes were already stored came in again: recorded, not analysed again. */
    void photoDuplicate(String source);

    /** A photo (or an upload request) was refused for {@code reason} (e.g. truncated, not_jpeg, unauthorized). */
    void photoRefused(String source, String reason);

    /** The analysis finished with a photo: {@code outcome} analysed or failed (after its last attempt). */
    void photoProcessed(String outcome);

    /** Photos stored and waiting for the analysis, read when metrics are scraped. */
    void watchPending(LongSupplier pending);

    /** Counts nothing: for code that builds the ingest only to check a config. */
    static DroneMetrics none() {
        return new DroneMetrics() {
            @Override
            public void photoAccepted(String source) {
            }

            @Override
            public void photoDuplicate(String source) {
            }

            @Override
            public void photoRefused(String source, String reason) {
            }

            @Override
            public void photoProcessed(String outcome) {
            }

            @Override
            public void watchPending(LongSupplier pending) {
            }
        };
    }
}
