package gridwatch.gateway.ingest.hj212;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.Hj212Connection;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.connector.Connector;
import gridwatch.profiles.DeviceProfile;

import java.util.List;
import java.util.Optional;

/** HJ 212 stations: each device is a station (by MN) on the shared {@link Hj212Server}. */
public final class Hj212Connector implements Connector<Hj212Connection> {

    private final Hj212Server server;

    public Hj212Connector(Hj212Server server) {
        this.server = server;
    }

    @Override
    public Class<Hj212Connection> type() {
        return Hj212Connection.class;
    }

    @Override
    public List<Problem> check(DeviceConfig device, Hj212Connection connection, DeviceProfile profile) {
        return Connector.profileMaps(profile, "hj212", "HJ 212 factors (use e.g. noise-station-hj212)");
    }

    @Override
    public Optional<Claim> claim(Hj212Connection connection) {
        return Optional.of(new Claim("connection/mn", "MN", connection.mn()));
    }

    @Override
    public Optional<Source> attach(DeviceConfig device, Hj212Connection connection, DeviceProfile profile) {
        server.register(new Hj212Station(device.id(), connection.mn(), connection.password(), profile));
        return Optional.empty();
    }
}
