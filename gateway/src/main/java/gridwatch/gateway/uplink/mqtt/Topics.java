package gridwatch.gateway.uplink.mqtt;

/** The topic tree under the configured root: {@code {root}/{gatewayId}/alerts/{type}} and {@code .../status}. */
public record Topics(String root, String gatewayId) {

    public String alerts(String alertType) {
        return root + "/" + gatewayId + "/alerts/" + alertType;
    }

    /**
     * The topic for an outbox row: its alert type under {@link #alerts}, or, for a row an earlier
     * version stored with its whole topic (it contains '/', which alert types never do), that topic.
     */
    public String forStored(String alertTypeOrTopic) {
        return alertTypeOrTopic.indexOf('/') >= 0 ? alertTypeOrTopic : alerts(alertTypeOrTopic);
    }

    public String status() {
        return root + "/" + gatewayId + "/status";
    }
}
