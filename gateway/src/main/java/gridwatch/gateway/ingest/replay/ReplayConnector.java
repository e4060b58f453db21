package gridwatch.gateway.ingest.replay;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.ReplayConnection;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.connector.Connector;
import gridwatch.profiles.DeviceProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Recorded traces replayed as a live device (the demo, drills). The trace file is checked by the config's file check. */
public final class ReplayConnector implements Connector<ReplayConnection> {

    private final Clock clock;

    public ReplayConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Class<ReplayConnection> type() {
        return ReplayConnection.class;
    }

    @Override
    public List<Problem> check(DeviceConfig device, ReplayConnection connection, DeviceProfile profile) {
        return List.of();
    }

    @Override
    public Optional<Source> attach(DeviceConfig device, ReplayConnection connection, DeviceProfile profile) {
        try {
            return Optional.of(new ReplaySource(device.id(), ReplayTrace.read(connection.file()), connection, profile, clock));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + connection.file() + " of device " + device.id(), e);
        }
    }
}
