package gridwatch.gateway.ingest.drone;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The one way a photo gets in, from a folder or an upload: JPEG structure and size checked (nothing decoded), SHA-256,
 * stored under its hash, recorded as pending, and the worker woken. A refusal changes nothing; recording and counting
 * it is the caller's business (a folder file still being copied is not a refusal yet).
 *
 * <p>Thread-safe; runs on the caller's thread (the folder watcher, the upload intake thread) and blocks on disk I/O.
 */
final class PhotoIntake {

    /** What became of a photo: accepted (new or already known), or refused. */
    sealed interface Outcome permits Accepted, Refusal {
    }

    /** Stored and recorded; {@code duplicate} when the same bytes were recorded before (then not analysed again). */
    record Accepted(PatrolPhoto photo, boolean duplicate) implements Outcome {
    }

    /**
     * Where a photo comes from and the limits of its drone.
     *
     * @param folderPath for a folder file: its path relative to the watched folder (recorded with the photo); else null
     * @param stamp      for a folder file: the size and time it had when read; else null
     */
    record Arrival(DroneStation station, String patrolId, String name, PhotoSource source, @Nullable String folderPath, @Nullable FileStamp stamp) {
    }

    private final PhotoStore store;
    private final PhotoLedger ledger;
    private final DroneMetrics metrics;
    private final Clock clock;
    private final Runnable onNewPhoto;

    /** @param onNewPhoto told after a new photo is recorded (wakes the worker); must not block */
    PhotoIntake(PhotoStore store, PhotoLedger ledger, DroneMetrics metrics, Clock clock, Runnable onNewPhoto) {
        this.store = store;
        this.ledger = ledger;
        this.metrics = metrics;
        this.clock = clock;
        this.onNewPhoto = onNewPhoto;
    }

    Outcome take(Arrival a, byte[] bytes) throws IOException, SQLException {
        long maxBytes = a.station().connection().maxBytes();
        if (bytes.length > maxBytes) {
            return new Refusal(RefusalReason.TOO_LARGE, "the photo has " + bytes.length + " bytes, more than the " + maxBytes + " allowed (maxBytes)");
        }
        JpegCheck.Inspection inspection = JpegCheck.inspect(bytes, a.station().connection().maxPixels());
        if (!(inspection instanceof JpegCheck.Jpeg jpeg)) {
            return (Refusal) inspection;
        }
        String sha = sha256(bytes);
        store.put(sha, bytes);
        PhotoLedger.Recorded r = ledger.record(new PhotoLedger.NewPhoto(sha, a.station().deviceId(), a.patrolId(), a.source(), a.name(),
                bytes.length, jpeg.width(), jpeg.height(), clock.instant()), a.folderPath(), a.stamp());
        if (r.duplicate()) {
            metrics.photoDuplicate(a.source().label());
        } else {
            metrics.photoAccepted(a.source().label());
            onNewPhoto.run();
        }
        return new Accepted(r.photo(), r.duplicate());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
