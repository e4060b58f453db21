package gridwatch.gateway.alert.outbox;

/**
 * One stored alert message, ready to publish.
 *
 * @param seq      the outbox's own order; publishing follows it, so order per source holds
 * @param severity  {@link gridwatch.detectors.core.Severity} ordinal, for the eviction policy
 * @param alertType the alert's type; rows stored before the topic left the outbox hold a whole
 *                  MQTT topic here instead (it contains a '/'), which the publisher sends to as is
 */
public record OutboxEntry(long seq, String alertId, String source, int severity, String alertType, byte[] payload) {

    /** Bytes this entry counts against the outbox bound: payload, alert type and a fixed row overhead. */
    public long footprint() {
        return payload.length + alertType.length() + alertId.length() + source.length() + ROW_OVERHEAD;
    }

    static final int ROW_OVERHEAD = 48;
}
