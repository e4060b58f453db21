package gridwatch.gateway.vision;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.VideoConnection;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.connector.Connector;
import gridwatch.profiles.DeviceProfile;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Cameras (file, RTSP, MJPEG, snapshot URL): one {@link CameraSource} per device, built by the
 * {@link VisionFactory}, which is asked for only when a camera is attached, so a sensor-only box
 * never touches the vision natives. Zones and rules are checked with the rest of the config.
 */
public final class CameraConnector implements Connector<VideoConnection> {

    /** Told on the camera's decode thread, for every decoded frame; must not block. */
    @FunctionalInterface
    public interface FrameListener {
        void frame(String deviceId, long epochMillis);
    }

    private final Supplier<VisionFactory> vision;
    private final FrameListener onFrame;

    public CameraConnector(Supplier<VisionFactory> vision, FrameListener onFrame) {
        this.vision = vision;
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

    @Override
    public Optional<Source> attach(DeviceConfig device, VideoConnection connection, DeviceProfile profile) {
        return Optional.of(vision.get().camera(device, connection, millis -> onFrame.frame(device.id(), millis)));
    }
}
