package gridwatch.gateway.alert.outbox;

/**
 * An encoded alert on its way into the outbox; the outbox assigns its sequence number.
 *
 * @param alertType the alert's type (e.g. {@code noise.construction}); where it goes on the wire
 *                  is the publisher's business, not the producer's
 */
public record OutboxMessage(String alertId, String source, int severity, String alertType, byte[] payload) {
}
