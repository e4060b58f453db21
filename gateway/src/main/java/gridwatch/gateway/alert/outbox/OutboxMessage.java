package gridwatch.gateway.alert.outbox;

import org.jspecify.annotations.Nullable;

/**
 * An encoded alert on its way into the outbox; the outbox assigns its sequence number.
 *
 * @param alertType the alert's type (e.g. {@code noise.construction}); where it goes on the wire
 *                  is the publisher's business, not the producer's
 * @param incident  the incident state this alert moves to, written in the alert's own transaction; null when the
 *                  alert changes no kept state
 */
public record OutboxMessage(String alertId, String source, int severity, String alertType, byte[] payload,
                            @Nullable IncidentRow incident) {

    public OutboxMessage(String alertId, String source, int severity, String alertType, byte[] payload) {
        this(alertId, source, severity, alertType, payload, null);
    }
}
