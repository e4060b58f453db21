package gridwatch.config.model;

import gridwatch.config.Secret;

/** Readings a device (or its IoT platform) publishes as JSON on an MQTT topic. */
public record MqttJsonConnection(String broker, String topic, String username, Secret password, String timePath)
        implements ConnectionConfig {

    /** Paho speaks tcp:// and ssl://. */
    public String pahoUri() {
        return broker.replaceFirst("^mqtts://", "ssl://").replaceFirst("^mqtt://", "tcp://");
    }
}
