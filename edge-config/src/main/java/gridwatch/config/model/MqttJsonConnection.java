package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import gridwatch.config.Secret;

/** Readings a device (or its IoT platform) publishes as JSON on an MQTT topic. */
public record MqttJsonConnection(String broker, String topic, @Nullable String username, @Nullable Secret password, @Nullable String timePath)
        implements ConnectionConfig {

    /** Paho speaks tcp:// and ssl://. */
    public String pahoUri() {
        return broker.replaceFirst("^mqtts://", "ssl://").replaceFirst("^mqtt://", "tcp://");
    }
}
