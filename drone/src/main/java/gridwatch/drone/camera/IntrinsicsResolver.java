package gridwatch.drone.camera;

import gridwatch.drone.metadata.PhotoMetadata;
import gridwatch.profiles.CameraSpec;

import java.util.Optional;

/**
 * A photo's focal length in pixels (design note §3): FocalLength / sensor width × W with the
 * camera table's sensor width (FC300S at W = 4000: 3.61 / 6.17 × 4000 = 2340 px), else
 * FocalLengthIn35mmFormat / 36 × W, which the photo's warnings then mention. Immutable.
 */
public record IntrinsicsResolver(CameraTable table) {

    public Optional<Intrinsics> resolve(PhotoMetadata m) {
        Optional<CameraSpec> spec = table.find(m.make(), m.model());
        if (spec.isPresent() && m.focalLengthMm() != null) {
            return Optional.of(new Intrinsics(m.focalLengthMm() / spec.get().sensorWidthMm() * m.size().width(), m.size(),
                    Intrinsics.FocalSource.CAMERA_TABLE));
        }
        if (m.focalLength35mm() != null) {
            return Optional.of(new Intrinsics(m.focalLength35mm() / 36.0 * m.size().width(), m.size(), Intrinsics.FocalSource.FOCAL_35MM));
        }
        return Optional.empty();
    }
}
