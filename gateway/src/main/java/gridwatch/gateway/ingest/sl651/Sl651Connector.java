package gridwatch.gateway.ingest.sl651;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.Sl651Connection;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.connector.Connector;
import gridwatch.profiles.DeviceProfile;

import java.util.List;
import java.util.Optional;

/** SL 651 telemetry stations: each device is a station (by address) on the shared {@link Sl651Server}. */
public final class Sl651Connector implements Connector<Sl651Connection> {

    private final Sl651Server server;

    public Sl651Connector(Sl651Server server) {
        this.server = server;
    }

    @Override
    public Class<Sl651Connection> type() {
        return Sl651Connection.class;
    }

    @Override
    public List<Problem> check(DeviceConfig device, Sl651Connection connection, DeviceProfile profile) {
        return Connector.profileMaps(profile, "sl651", "SL 651 elements (use e.g. radar-water-level)");
    }

    @Override
    public Optional<Claim> claim(Sl651Connection connection) {
        return Optional.of(new Claim("connection/station", "station address", connection.station()));
    }

    @Override
    public Optional<Source> attach(DeviceConfig device, Sl651Connection connection, DeviceProfile profile) {
        server.register(new Sl651Station(device.id(), connection.station(), connection.password(), profile));
        return Optional.empty();
    }
}
