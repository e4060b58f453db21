package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import gridwatch.config.Secret;

/**
 * The MQTT connection to the operations center.
 *
 * @param messageExpirySeconds the MQTT 5 message expiry interval set on every alert, when the center asks for one;
 *                             null: alerts do not expire at the broker
 * @param maxMessageBytes      the largest alert PUBLISH the center's broker takes, topic and properties included
 * @param snapshots            how pictures in alerts are encoded
 */
public record UplinkConfig(
        String broker,
        @Nullable String clientId,
        String topicRoot,
        @Nullable String username,
        @Nullable Secret password,
        @Nullable TlsConfig tls,
        Integer keepAliveSeconds,
        Long sessionExpirySeconds,
        Integer maxInflight,
        @Nullable Long messageExpirySeconds,
        Integer maxMessageBytes,
        SnapshotSettings snapshots) {

    public static final String EMBEDDED = "embedded";
    /** 128 KiB: the smallest per-message limit of the hosted brokers centers use. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 128 * 1024;

    public UplinkConfig(
            String broker,
            @Nullable String clientId,
            @Nullable String topicRoot,
            @Nullable String username,
            @Nullable Secret password,
            @Nullable TlsConfig tls,
            @Nullable Integer keepAliveSeconds,
            @Nullable Long sessionExpirySeconds,
            @Nullable Integer maxInflight,
            @Nullable Long messageExpirySeconds,
            @Nullable Integer maxMessageBytes,
            @Nullable SnapshotSettings snapshots) {
        this.broker = broker;
        this.clientId = clientId;
        this.topicRoot = topicRoot == null ? "gridwatch/v1" : topicRoot;
        this.username = username;
        this.password = password;
        this.tls = tls;
        this.keepAliveSeconds = keepAliveSeconds == null ? 30 : keepAliveSeconds;
        this.sessionExpirySeconds = sessionExpirySeconds == null ? 86_400L : sessionExpirySeconds;
        this.maxInflight = maxInflight == null ? 100 : maxInflight;
        this.messageExpirySeconds = messageExpirySeconds;
        this.maxMessageBytes = maxMessageBytes == null ? DEFAULT_MAX_MESSAGE_BYTES : maxMessageBytes;
        this.snapshots = snapshots == null ? SnapshotSettings.AS_DRAWN : snapshots;
    }

    /** The connection alone, with the message settings' defaults. */
    public UplinkConfig(String broker, @Nullable String clientId, @Nullable String topicRoot, @Nullable String username,
                        @Nullable Secret password, @Nullable TlsConfig tls, @Nullable Integer keepAliveSeconds,
                        @Nullable Long sessionExpirySeconds, @Nullable Integer maxInflight) {
        this(broker, clientId, topicRoot, username, password, tls, keepAliveSeconds, sessionExpirySeconds, maxInflight, null, null, null);
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
                sessionExpirySeconds, maxInflight, messageExpirySeconds, maxMessageBytes, snapshots);
    }
}
