package gridwatch.gateway.alert.outbox;

/**
 * One stored alert message, ready to publish.
 *
 * @param seq      the outbox's own order; publishing follows it, so order per source holds
 * @param severity {@link gridwatch.detectors.core.Severity} ordinal, for the eviction policy
 */
public record OutboxEntry(long seq, String alertId, String source, int severity, String topic, byte[] payload) {

    /** Bytes this entry counts against the outbox bound: payload, topic and a fixed row overhead. */
    public long footprint() {
        return payload.length + topic.length() + alertId.length() + source.length() + ROW_OVERHEAD;
    }

    static final int ROW_OVERHEAD = 48;
}
