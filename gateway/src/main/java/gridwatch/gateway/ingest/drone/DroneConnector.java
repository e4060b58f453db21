package gridwatch.gateway.ingest.drone;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.DroneConnection;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.connector.Connector;
import gridwatch.profiles.DeviceProfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drones ({@code connection: {type: drone, …}}, profile {@code drone-camera}): each is registered on the shared
 * {@link DroneIngest}, which watches its folder and takes its uploads.
 */
public final class DroneConnector implements Connector<DroneConnection> {

    private final DroneIngest ingest;

    public DroneConnector(DroneIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public Class<DroneConnection> type() {
        return DroneConnection.class;
    }

    @Override
    public List<Problem> check(DeviceConfig device, DroneConnection connection, DeviceProfile profile) {
        List<Problem> problems = new ArrayList<>(Connector.profileMaps(profile, "exif", "EXIF/XMP tags of drone photos (use drone-camera)"));
        if (connection.folder() == null && !connection.upload()) {
            problems.add(new Problem("connection", "a drone needs a folder to watch, or upload: true (with a token), or both"));
        }
        return problems;
    }

    /** Two drones watching one folder would each take its photos. */
    @Override
    public Optional<Claim> claim(DroneConnection connection) {
        Path folder = connection.folder();
        return folder == null ? Optional.empty() : Optional.of(new Claim("connection/folder", "watched folder", folder.normalize().toString()));
    }

    @Override
    public Optional<Source> attach(DeviceConfig device, DroneConnection connection, DeviceProfile profile) {
        ingest.register(new DroneStation(device.id(), device.zone(), connection));
        return Optional.empty();
    }
}
