package gridwatch.gateway.ingest.opcua;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.OpcUaConnection;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.UnusableValues;
import gridwatch.gateway.ingest.connector.Connector;
import gridwatch.profiles.DeviceProfile;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** PLCs and SCADA servers over OPC UA: one {@link OpcUaSource} (one subscription) per device. */
public final class OpcUaConnector implements Connector<OpcUaConnection> {

    private final Clock clock;
    private final UnusableValues.Counter unusable;

    public OpcUaConnector(Clock clock, UnusableValues.Counter unusable) {
        this.clock = clock;
        this.unusable = unusable;
    }

    @Override
    public Class<OpcUaConnection> type() {
        return OpcUaConnection.class;
    }

    @Override
    public List<Problem> check(DeviceConfig device, OpcUaConnection connection, DeviceProfile profile) {
        return Connector.profileMaps(profile, "opcua", "OPC UA node ids (use e.g. radar-water-level)");
    }

    @Override
    public Optional<Source> attach(DeviceConfig device, OpcUaConnection connection, DeviceProfile profile) {
        return Optional.of(new OpcUaSource(device.id(), connection, profile, clock, unusable));
    }
}
