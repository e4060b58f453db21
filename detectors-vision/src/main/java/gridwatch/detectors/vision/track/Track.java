package gridwatch.detectors.vision.track;

import gridwatch.detectors.vision.Box;

import java.time.Instant;

/**
 * One object followed across frames. {@code previous} is its box in the frame before, so a rule
 * can tell which way it moved (line crossings) without keeping its own history.
 */
public record Track(long id, int classId, String label, float score, Box box, Box previous,
                    Instant firstSeen, Instant lastSeen, int hits, boolean confirmed) {
}
