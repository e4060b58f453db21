package gridwatch.drone.photo;

import gridwatch.drone.camera.Intrinsics;
import gridwatch.drone.georef.CameraPose;
import gridwatch.drone.georef.GroundPoint;
import gridwatch.drone.georef.GroundProjector;
import gridwatch.drone.metadata.PhotoMetadata;
import gridwatch.drone.quality.FrameStats;
import gridwatch.drone.quality.PhotoWarning;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One photo as the pipeline sees it: its metadata, the camera it was taken with, the pose it was
 * located with (absent when a warning blocks a location), what its pixels looked like, and every
 * warning. Immutable; {@link gridwatch.drone.patrol.PatrolYawCheck} returns new ones for photos whose
 * yaw it settled.
 *
 * @param metadata   what the photo's tags say
 * @param intrinsics its pinhole camera, or null without a usable focal length
 * @param projector  pixels to ground and back, or null when the photo gives no location
 * @param frame      the frame's grey level and sharpness, or null when frames are not checked
 * @param warnings   everything an operator should know, blocking ones included
 */
public record AnalyzedPhoto(PhotoMetadata metadata, @Nullable Intrinsics intrinsics, @Nullable GroundProjector projector,
                            @Nullable FrameStats frame, List<PhotoWarning> warnings) {

    public AnalyzedPhoto {
        warnings = List.copyOf(warnings);
    }

    public Path file() {
        return metadata.file();
    }

    /** The file name, e.g. for naming a neighbour in a warning. */
    public String name() {
        return metadata.file().getFileName().toString();
    }

    public boolean located() {
        return projector != null;
    }

    public Optional<CameraPose> pose() {
        return projector == null ? Optional.empty() : Optional.of(projector.pose());
    }

    /** The ground under pixel (u, v) with its uncertainty; empty when the photo gives no location or the ray misses the ground. */
    public Optional<GroundPoint> locate(double u, double v) {
        return projector == null ? Optional.empty() : projector.toGround(u, v);
    }

    public boolean edited() {
        return warnings.stream().anyMatch(w -> w instanceof PhotoWarning.Edited);
    }
}
