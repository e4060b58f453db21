package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

/**
 * The drone photo upload endpoint and where accepted photos are kept.
 *
 * @param directory            photo store and ledger; absolute once loaded; null: {@code drone} beside the outbox directory
 * @param maxConcurrentUploads uploads received at once (each is held in memory up to its drone's {@code maxBytes});
 *                             one more is answered 503 with Retry-After
 * @param maxPendingPhotos     photos stored and not yet analysed; beyond it uploads are answered 503 and watched folders
 *                             are left as they are until the analysis catches up (nothing is dropped or skipped)
 */
public record DroneServerConfig(String bind, Integer port, @Nullable Path directory, Integer maxConcurrentUploads, Integer maxPendingPhotos) {

    public DroneServerConfig(@Nullable String bind, @Nullable Integer port, @Nullable Path directory, @Nullable Integer maxConcurrentUploads,
                             @Nullable Integer maxPendingPhotos) {
        this.bind = bind == null ? "0.0.0.0" : bind;
        this.port = port == null ? 9190 : port;
        this.directory = directory;
        this.maxConcurrentUploads = maxConcurrentUploads == null ? 4 : maxConcurrentUploads;
        this.maxPendingPhotos = maxPendingPhotos == null ? 5000 : maxPendingPhotos;
    }

    public static DroneServerConfig defaults() {
        return new DroneServerConfig(null, null, null, null, null);
    }
}
