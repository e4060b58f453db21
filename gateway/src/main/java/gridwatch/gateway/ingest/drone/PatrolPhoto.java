package gridwatch.gateway.ingest.drone;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One accepted drone photo, as the analysis gets it: stored once, under its content hash, and never changed after.
 *
 * @param patrolId     the patrol it belongs to: the first-level subfolder of a watched folder (or the day, for files
 *                     directly in it), or the {@code patrol} parameter of an upload. Unique per device, not globally
 * @param deviceId     the drone (a device of the {@code drone-camera} profile)
 * @param storedPath   the stored copy (absolute): {@code <store>/photos/<first two hex digits>/<sha256>.jpg}; evidence
 *                     may reference it, it is never rewritten or moved
 * @param sha256       lower-case hex SHA-256 of the file's bytes: the photo's identity (the same bytes twice are one photo)
 * @param receivedAt   when the gateway accepted it (not when it was taken: that is in its EXIF)
 * @param source       how it came in
 * @param originalName the file name it had (folder: path relative to the watched folder; upload: the {@code name}
 *                     parameter, else the hash); for people and logs only
 * @param width        width the JPEG header declares, in pixels
 * @param height       height the JPEG header declares, in pixels
 */
public record PatrolPhoto(String patrolId, String deviceId, Path storedPath, String sha256, Instant receivedAt, PhotoSource source,
                          String originalName, long bytes, int width, int height) {
}
