package gridwatch.gateway.uplink.mqtt;

import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The retained status messages on {@code {topicRoot}/{gatewayId}/status} (schema: {@code docs/api/status.schema.json}).
 * Each connection has a {@code session} number, higher than every earlier one of this gateway, restarts included
 * ({@code boot × 1,000,000,000 + connection attempt}, the boot counted by the outbox): its will and its {@code online}
 * carry it, so a consumer keeping the latest status orders by {@code session}, {@code offline} after {@code online}
 * within one, and never takes a dead box's will for older than its last {@code online}. The will has no {@code at}:
 * it is written at connect time, and the gateway cannot know when it will die. Immutable.
 */
final class GatewayStatus {

    static final String CONTENT_TYPE = "application/json";
    private static final long PER_BOOT = 1_000_000_000L;

    private final String gatewayId;
    private final long boot;

    GatewayStatus(String gatewayId, long boot) {
        this.gatewayId = gatewayId;
        this.boot = boot;
    }

    /** The session number of this boot's {@code attempt}-th connection attempt (from 1). */
    long session(long attempt) {
        return boot * PER_BOOT + attempt;
    }

    /** Published by the gateway once connected. */
    MqttMessage online(long session, Instant at) {
        return message("online", session, at);
    }

    /** Published by the gateway as it stops cleanly. */
    MqttMessage offline(long session, Instant at) {
        return message("offline", session, at);
    }

    /** The last will's payload: published by the broker when the connection dies without a goodbye. */
    MqttMessage will(long session) {
        return message("offline", session, null);
    }

    /** The will's MQTT 5 properties: Paho takes them from the connect options, never from the will message itself. */
    static MqttProperties willProperties() {
        return properties();
    }

    private MqttMessage message(String state, long session, @Nullable Instant at) {
        String json = "{\"gatewayId\":\"" + gatewayId + "\",\"state\":\"" + state + "\",\"session\":" + session
                + (at == null ? "" : ",\"at\":\"" + at + "\"") + "}";
        return new MqttMessage(json.getBytes(StandardCharsets.UTF_8), 1, true, properties());
    }

    private static MqttProperties properties() {
        MqttProperties p = new MqttProperties();
        p.setContentType(CONTENT_TYPE);
        p.setPayloadFormat(true); // UTF-8 text
        return p;
    }
}
