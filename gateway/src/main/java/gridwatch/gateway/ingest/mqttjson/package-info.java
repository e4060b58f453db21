/** Sensors publishing JSON over MQTT, mapped to readings by the device profile. */
@NullMarked
package gridwatch.gateway.ingest.mqttjson;

import org.jspecify.annotations.NullMarked;
