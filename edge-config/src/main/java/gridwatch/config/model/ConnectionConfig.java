package gridwatch.config.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How the gateway reaches a device; one record per connector type. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ReplayConnection.class, name = "replay"),
    @JsonSubTypes.Type(value = Hj212Connection.class, name = "hj212"),
    @JsonSubTypes.Type(value = ModbusConnection.class, name = "modbus-tcp"),
    @JsonSubTypes.Type(value = MqttJsonConnection.class, name = "mqtt-json"),
    @JsonSubTypes.Type(value = OpcUaConnection.class, name = "opcua"),
    @JsonSubTypes.Type(value = VideoConnection.class, name = "video"),
    @JsonSubTypes.Type(value = Sl651Connection.class, name = "sl651"),
    @JsonSubTypes.Type(value = DroneConnection.class, name = "drone")
})
public sealed interface ConnectionConfig permits ReplayConnection, Hj212Connection, ModbusConnection, MqttJsonConnection, OpcUaConnection, VideoConnection, Sl651Connection,
        DroneConnection {
}
