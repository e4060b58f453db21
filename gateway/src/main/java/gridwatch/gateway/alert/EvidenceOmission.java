package gridwatch.gateway.alert;

/**
 * Evidence an alert does not carry, and why: the alert says so in {@code data.evidenceOmitted} instead of leaving the
 * center to wonder where the picture went.
 *
 * @param kind      the evidence's kind ({@code snapshot}, {@code best-view}, {@code series}, ...)
 * @param mediaType its media type
 * @param reason    {@code message-size}: it did not fit the message bound even re-encoded at the smallest size tried
 * @param bytes     what it would have added to the message, bytes
 */
public record EvidenceOmission(String kind, String mediaType, String reason, long bytes) {

    public static final String MESSAGE_SIZE = "message-size";
}
