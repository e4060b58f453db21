package gridwatch.gateway.uplink.mqtt;

/**
 * Handles messages from the center on one topic filter. Runs on the uplink's {@code uplink-inbound}
 * thread, one message at a time in arrival order, never on a Paho thread; it may block briefly
 * (a slow handler delays the messages behind it, not the alerts going out). An exception is
 * logged and counted, and the next message is handled as usual.
 */
@FunctionalInterface
public interface InboundHandler {
    void handle(InboundMessage message) throws Exception;
}
