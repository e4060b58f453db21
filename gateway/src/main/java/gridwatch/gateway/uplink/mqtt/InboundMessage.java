package gridwatch.gateway.uplink.mqtt;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * A message the center sent to this box (a command, a config, a case update), as the uplink
 * received it. Payload bytes are copied out of Paho's message: the record owns them.
 *
 * @param responseTopic   MQTT 5 Response Topic, where the center wants the answer, if it said
 * @param correlationData MQTT 5 Correlation Data, to be echoed in the answer, if any
 */
public record InboundMessage(String topic, byte[] payload, @Nullable String contentType, @Nullable String responseTopic,
                             byte @Nullable [] correlationData, Map<String, String> userProperties, Instant receivedAt) {
}
