package gridwatch.gateway.uplink.mqtt;

/** The topic tree under the configured root: {@code {root}/{gatewayId}/alerts/{type}} and {@code .../status}. */
public record Topics(String root, String gatewayId) {

    public String alerts(String alertType) {
        return root + "/" + gatewayId + "/alerts/" + alertType;
    }

    public String status() {
        return root + "/" + gatewayId + "/status";
    }
}
