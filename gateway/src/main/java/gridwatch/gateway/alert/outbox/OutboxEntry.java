package gridwatch.gateway.alert.outbox;

/**
 * One stored alert message, ready to publish.
 *
 * @param seq      the outbox's own order; publishing follows it, so order per source holds
 * @param source    the alert's source key (its device)
 * @param severity  {@link gridwatch.detectors.core.Severity} ordinal, for the eviction policy
 * @param alertType the alert's type; rows stored before the topic left the outbox hold a whole
 *                  MQTT topic here instead (it contains a '/'), which the publisher sends to as is
 * @param routing   lifecycle, incident and grid cell for the MQTT 5 user properties
 */
public record OutboxEntry(long seq, String alertId, String source, int severity, String alertType, byte[] payload, Routing routing) {

    public OutboxEntry(long seq, String alertId, String source, int severity, String alertType, byte[] payload) {
        this(seq, alertId, source, severity, alertType, payload, Routing.NONE);
    }

    /** Bytes this entry counts against the outbox bound: payload, alert type, routing and a fixed row overhead. */
    public long footprint() {
        return footprint(alertId, source, alertType, payload, routing);
    }

    static long footprint(String alertId, String source, String alertType, byte[] payload, Routing routing) {
        return payload.length + alertType.length() + alertId.length() + source.length() + routing.length() + ROW_OVERHEAD;
    }

    static final int ROW_OVERHEAD = 48;
}
