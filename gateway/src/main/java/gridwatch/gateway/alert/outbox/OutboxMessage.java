package gridwatch.gateway.alert.outbox;

import org.jspecify.annotations.Nullable;

/**
 * An encoded alert on its way into the outbox; the outbox assigns its sequence number.
 *
 * @param alertType the alert's type (e.g. {@code noise.construction}); where it goes on the wire
 *                  is the publisher's business, not the producer's
 * @param routing   what brokers route on beyond type, severity and source, stored beside the payload
 * @param incident  the incident state this alert moves to, written in the alert's own transaction (only the last
 *                  change of an incident within one transaction is rendered and written); null when the alert changes no
 *                  kept state
 */
public record OutboxMessage(String alertId, String source, int severity, String alertType, byte[] payload,
                            Routing routing, @Nullable IncidentChange incident) {

    public OutboxMessage(String alertId, String source, int severity, String alertType, byte[] payload,
                         @Nullable IncidentChange incident) {
        this(alertId, source, severity, alertType, payload, Routing.NONE, incident);
    }

    public OutboxMessage(String alertId, String source, int severity, String alertType, byte[] payload) {
        this(alertId, source, severity, alertType, payload, Routing.NONE, null);
    }

    /** Bytes it will count against the outbox bound once stored. */
    public long footprint() {
        return OutboxEntry.footprint(alertId, source, alertType, payload, routing);
    }
}
