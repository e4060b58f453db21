package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import gridwatch.config.Secret;

/** The MQTT connection to the operations center. */
public record UplinkConfig(
        String broker,
        @Nullable String clientId,
        String topicRoot,
        @Nullable String username,
        @Nullable Secret password,
        @Nullable TlsConfig tls,
        Integer keepAliveSeconds,
        Long sessionExpirySeconds,
        Integer maxInflight) {

    public static final String EMBEDDED = "embedded";

    public UplinkConfig(
            String broker,
            @Nullable String clientId,
            @Nullable String topicRoot,
            @Nullable String username,
            @Nullable Secret password,
            @Nullable TlsConfig tls,
            @Nullable Integer keepAliveSeconds,
            @Nullable Long sessionExpirySeconds,
            @Nullable Integer maxInflight) {
        this.broker = broker;
        this.clientId = clientId;
        this.topicRoot = topicRoot == null ? "gridwatch/v1" : topicRoot;
        this.username = username;
        this.password = password;
        this.tls = tls;
        this.keepAliveSeconds = keepAliveSeconds == null ? 30 : keepAliveSeconds;
        this.sessionExpirySeconds = sessionExpirySeconds == null ? 86_400L : sessionExpirySeconds;
        this.maxInflight = maxInflight == null ? 100 : maxInflight;
    }

    public boolean embedded() {
        return EMBEDDED.equals(broker);
    }

    /** Paho speaks tcp:// and ssl://; operators often write mqtt:// and mqtts://. */
    public String pahoUri() {
        return broker.replaceFirst("^mqtts://", "ssl://").replaceFirst("^mqtt://", "tcp://");
    }

    public UplinkConfig withBroker(String newBroker) {
        return new UplinkConfig(newBroker, clientId, topicRoot, username, password, tls, keepAliveSeconds,
                sessionExpirySeconds, maxInflight);
    }
}
