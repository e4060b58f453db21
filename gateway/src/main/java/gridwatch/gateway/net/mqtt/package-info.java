/**
 * MQTT pieces shared by every MQTT client in the gateway (the uplink to the center and the
 * MQTT-JSON connector): neutral, so neither depends on the other.
 */
@NullMarked
package gridwatch.gateway.net.mqtt;

import org.jspecify.annotations.NullMarked;
