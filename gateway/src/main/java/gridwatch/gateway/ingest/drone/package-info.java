/**
 * Drone patrol photos into the gateway, each exactly once: a watched folder ({@link gridwatch.gateway.ingest.drone.FolderWatcher})
 * and an HTTP upload endpoint ({@link gridwatch.gateway.ingest.drone.UploadServer}) both go through one
 * {@link gridwatch.gateway.ingest.drone.PhotoIntake} (JPEG header check, content-addressed store, durable ledger), and a
 * dedicated worker hands each stored photo to the {@link gridwatch.gateway.ingest.drone.PhotoAnalysis} seam. See
 * docs/drone-ingest.md.
 */
@NullMarked
package gridwatch.gateway.ingest.drone;

import org.jspecify.annotations.NullMarked;
