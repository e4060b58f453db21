package gridwatch.gateway.ingest.drone;

import java.time.Instant;

/**
 * A patrol as the ledger knows it: the photos one drone brought in under one patrol id, and the time span over which
 * the gateway received them (the span they were taken in is in their EXIF, for the analysis to read).
 */
public record PatrolSpan(String deviceId, String patrolId, Instant firstReceived, Instant lastReceived, int photos) {
}
