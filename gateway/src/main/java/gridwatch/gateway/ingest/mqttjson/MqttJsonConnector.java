package gridwatch.gateway.ingest.mqttjson;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.MqttJsonConnection;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.UnusableValues;
import gridwatch.gateway.ingest.connector.Connector;
import gridwatch.profiles.DeviceProfile;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Readings a platform publishes as JSON over MQTT: one {@link MqttJsonSource} per device. */
public final class MqttJsonConnector implements Connector<MqttJsonConnection> {

    private final Clock clock;
    private final UnusableValues.Counter unusable;

    public MqttJsonConnector(Clock clock, UnusableValues.Counter unusable) {
        this.clock = clock;
        this.unusable = unusable;
    }

    @Override
    public Class<MqttJsonConnection> type() {
        return MqttJsonConnection.class;
    }

    @Override
    public List<Problem> check(DeviceConfig device, MqttJsonConnection connection, DeviceProfile profile) {
        return Connector.profileMaps(profile, "mqttJson", "mqttJson.jsonPath (use e.g. radar-water-level)");
    }

    @Override
    public Optional<Source> attach(DeviceConfig device, MqttJsonConnection connection, DeviceProfile profile) {
        return Optional.of(new MqttJsonSource(device.id(), connection, profile, clock, unusable));
    }
}
