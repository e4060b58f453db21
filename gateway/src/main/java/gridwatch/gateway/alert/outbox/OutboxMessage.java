package gridwatch.gateway.alert.outbox;

/** An encoded alert on its way into the outbox; the outbox assigns its sequence number. */
public record OutboxMessage(String alertId, String source, int severity, String topic, byte[] payload) {
}
