package gridwatch.gateway.ingest.drone;

/** A photo refused, with a sentence an operator (or a pilot's upload tool) can act on. */
public record Refusal(RefusalReason reason, String message) implements JpegCheck.Inspection, PhotoIntake.Outcome {
}
