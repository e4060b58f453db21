package gridwatch.gateway.ingest.modbus;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.ModbusConnection;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.UnusableValues;
import gridwatch.gateway.ingest.connector.Connector;
import gridwatch.profiles.DeviceProfile;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Modbus TCP meters (or RS-485 meters behind a converter): one {@link ModbusPoller} per device. */
public final class ModbusConnector implements Connector<ModbusConnection> {

    private final Clock clock;
    private final UnusableValues.Counter unusable;

    public ModbusConnector(Clock clock, UnusableValues.Counter unusable) {
        this.clock = clock;
        this.unusable = unusable;
    }

    @Override
    public Class<ModbusConnection> type() {
        return ModbusConnection.class;
    }

    @Override
    public List<Problem> check(DeviceConfig device, ModbusConnection connection, DeviceProfile profile) {
        return ModbusPoller.points(profile).isEmpty()
                ? List.of(new Problem("profile", "profile " + profile.name() + " maps no Modbus holding or input registers"))
                : List.of();
    }

    @Override
    public Optional<Source> attach(DeviceConfig device, ModbusConnection connection, DeviceProfile profile) {
        return Optional.of(new ModbusPoller(device.id(), connection, profile, clock, unusable));
    }
}
