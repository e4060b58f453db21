package gridwatch.gateway.vision;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.VideoConnection;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.connector.Connector;
import gridwatch.profiles.DeviceProfile;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Cameras (file, RTSP, MJPEG, snapshot URL): one {@link CameraSource} per device, built by a
 * {@link VisionFactory} that this connector creates for the first camera it attaches. Every box
 * registers this connector, so no vision type appears in its constructor or its interfaces: a
 * sensor-only box loads this class, never the factory, OpenCV, FFmpeg or ONNX Runtime. Zones and
 * rules are checked with the rest of the config.
 *
 * <p>Ownership: the factory (and with it the model) goes to the {@link Owner} the moment it
 * exists, before the first camera is built, so the gateway closes it after the cameras.
 */
public final class CameraConnector implements Connector<VideoConnection> {

    /** Told on the camera's decode thread, for every decoded frame; must not block. */
    @FunctionalInterface
    public interface FrameListener {
        void frame(String deviceId, long epochMillis);
    }

    /** Takes over a part the connector opened, to close it when the gateway closes; called on the attaching thread. */
    @FunctionalInterface
    public interface Owner {
        void own(String name, AutoCloseable part);
    }

    private final EdgeConfig config;
    private final Path configDir;
    private final Clock clock;
    private final Owner owner;
    private final FrameListener onFrame;
    private @Nullable VisionFactory vision;

    /** @param configDir the config file's directory, against which the model's path resolves */
    public CameraConnector(EdgeConfig config, Path configDir, Clock clock, Owner owner, FrameListener onFrame) {
        this.config = config;
        this.configDir = configDir;
        this.clock = clock;
        this.owner = owner;
        this.onFrame = onFrame;
    }

    @Override
    public Class<VideoConnection> type() {
        return VideoConnection.class;
    }

    @Override
    public List<Problem> check(DeviceConfig device, VideoConnection connection, DeviceProfile profile) {
        return List.of();
    }

    /** On the thread assembling the gateway (not thread-safe: cameras are attached one by one). */
    @Override
    public Optional<Source> attach(DeviceConfig device, VideoConnection connection, DeviceProfile profile) {
        VisionFactory factory = vision;
        if (factory == null) {
            factory = new VisionFactory(config, configDir, clock);
            owner.own("vision", factory);
            vision = factory;
        }
        return Optional.of(factory.camera(device, connection, millis -> onFrame.frame(device.id(), millis)));
    }
}
