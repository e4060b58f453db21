package gridwatch.drone.photo;

import gridwatch.drone.camera.Intrinsics;
import gridwatch.drone.camera.IntrinsicsResolver;
import gridwatch.drone.georef.GroundProjector;
import gridwatch.drone.georef.PoseResolver;
import gridwatch.drone.georef.PoseResult;
import gridwatch.drone.metadata.PhotoMetadata;
import gridwatch.drone.metadata.PhotoMetadataReader;
import gridwatch.drone.metadata.PhotoReadException;
import gridwatch.drone.quality.EditCheck;
import gridwatch.drone.quality.FrameCheck;
import gridwatch.drone.quality.FrameStats;
import gridwatch.drone.quality.PhotoWarning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One photo from JPEG to {@link AnalyzedPhoto}: metadata, the editor check, the camera, the pose
 * (or the reasons there is none), the frame gates. A photo whose tags are missing or wrong gets
 * warnings, never an exception; only a file that is not a readable JPEG throws. A re-saved photo is
 * located with its yaw in doubt until {@link gridwatch.drone.patrol.PatrolYawCheck} settles it
 * against its neighbours. Holds no per-photo state: one instance serves any number of threads, each
 * call runs on its caller's thread and blocks on file I/O (and on decoding when frames are checked).
 */
public final class PhotoAnalyzer {

    private final DroneSettings settings;
    private final PhotoMetadataReader reader;
    private final IntrinsicsResolver intrinsics;
    private final PoseResolver poses;
    private final FrameCheck frames;

    public PhotoAnalyzer(DroneSettings settings) {
        this.settings = settings;
        this.reader = new PhotoMetadataReader(settings.siteZone());
        this.intrinsics = new IntrinsicsResolver(settings.cameras());
        this.poses = new PoseResolver(settings.siteGroundElevationM(), settings.limits().maxPitchDeg());
        this.frames = new FrameCheck(settings.limits());
    }

    /** @throws PhotoReadException when the file is not a readable JPEG (or, with frame checks, cannot be decoded) */
    public AnalyzedPhoto analyze(Path jpeg) throws PhotoReadException {
        PhotoMetadata m = reader.read(jpeg);
        List<PhotoWarning> warnings = new ArrayList<>();
        m.problems().forEach(p -> warnings.add(new PhotoWarning.MetadataProblem(p)));
        Optional<PhotoWarning.Edited> edited = EditCheck.check(m.edits());
        edited.ifPresent(warnings::add);

        Optional<Intrinsics> camera = intrinsics.resolve(m);
        String cameraName = (m.make() == null ? "?" : m.make()) + " " + (m.model() == null ? "?" : m.model());

        GroundProjector projector = null;
        PoseResult pose = poses.resolve(m, edited.isPresent());
        if (pose instanceof PoseResult.NotLocated(List<PhotoWarning> reasons)) {
            warnings.addAll(reasons);
        } else if (pose instanceof PoseResult.Located(var p)) {
            if (camera.isEmpty()) {
                warnings.add(new PhotoWarning.NoFocalLength(cameraName));
            } else {
                projector = new GroundProjector(p, camera.get(), settings.uncertainty(), m.gpsXyAccuracyM());
                if (camera.get().source() == Intrinsics.FocalSource.FOCAL_35MM) {
                    warnings.add(new PhotoWarning.CameraNotInTable(cameraName));
                }
                if (edited.isPresent()) {
                    warnings.add(new PhotoWarning.YawUnverified("not checked against neighbouring photos of its patrol"));
                }
            }
        }

        FrameStats frame = null;
        if (settings.checkFrames()) {
            try {
                frame = frames.measure(jpeg, m.size().width());
            } catch (IOException e) {
                throw new PhotoReadException(jpeg, e.getMessage() == null ? "cannot be decoded" : e.getMessage(), e);
            }
            warnings.addAll(frames.warnings(frame, m.size().width(), m.size().height()));
        }
        return new AnalyzedPhoto(m, camera.orElse(null), projector, frame, warnings);
    }
}
