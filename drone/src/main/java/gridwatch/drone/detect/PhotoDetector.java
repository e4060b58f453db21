package gridwatch.drone.detect;

import gridwatch.detectors.vision.Box;
import gridwatch.detectors.vision.Detection;
import gridwatch.detectors.vision.Nms;
import gridwatch.detectors.vision.ObjectDetector;
import gridwatch.drone.georef.GroundPoint;
import gridwatch.drone.georef.GroundProjector;
import gridwatch.drone.photo.AnalyzedPhoto;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Runs the box's detector over a whole patrol photo: for each pass of its {@link TilePlan} the photo is brought to the
 * pass's scale (decoded with libjpeg's DCT scaling when that is at most ½, so a 12 MP photo is never decoded whole
 * for a coarse look) and cut into overlapping tiles of the model's input size; boxes go back to stored pixels, those
 * of one class overlapping across tiles are merged (NMS), a box whose size on the ground cannot be its group's object
 * (under ¼ or over 3 times the group's size) is dropped, and each is put on the ground: the box centre when the camera
 * looks straight down, the middle of its bottom edge when it looks obliquely (where the object stands).
 *
 * <p>Runs on the caller's thread and blocks on the file, the decode and every inference (the detector is borrowed,
 * and used from one thread at a time). Every native image it makes is freed before it returns; none is made inside a
 * JavaCPP pointer scope, since the detector allocates buffers it keeps on its first call.
 *
 * @param detector  the model, borrowed
 * @param inputSize the model's square input, px
 */
public record PhotoDetector(ObjectDetector detector, int inputSize, DetectionSettings settings) {

    /** Steeper than this, a box centre is straight below its object. */
    private static final double NADIR_PITCH_DEG = -60;
    /** A box whose longer side on the ground is outside [¼, 3] × its group's size is not one of its objects. */
    static final double MIN_SIZE_FACTOR = 0.25;
    static final double MAX_SIZE_FACTOR = 3;

    /** @throws IOException when the photo cannot be read or decoded */
    public PhotoDetections detect(AnalyzedPhoto photo) throws IOException {
        GroundProjector g = photo.projector();
        if (g == null) {
            return PhotoDetections.none("not searched: the photo gives no location, so neither a ground resolution nor a position");
        }
        int width = photo.metadata().size().width();
        int height = photo.metadata().size().height();
        TilePlan plan = TilePlan.of(settings, width, height, g.gsdCm(), inputSize);
        if (plan.passes().isEmpty()) {
            return new PhotoDetections(List.of(), plan.skipped(), 0, java.util.Set.of());
        }
        double finest = plan.passes().getFirst().scale();
        int reduce = 1;
        for (int r : new int[] {8, 4, 2}) {
            if (finest <= 1.0 / r) {
                reduce = r;
                break;
            }
        }
        List<GroundDetection> found = new ArrayList<>();
        byte[] bytes = Files.readAllBytes(photo.file());
        try (BytePointer data = new BytePointer(bytes); Mat encoded = new Mat(1, bytes.length, CV_8UC1, data);
             Mat decoded = imdecode(encoded, flag(reduce))) {
            if (decoded.empty()) {
                throw new IOException(photo.file() + ": cannot be decoded");
            }
            double toStored = (double) width / decoded.cols();
            for (TilePlan.Pass pass : plan.passes()) {
                found.addAll(runPass(pass, decoded, toStored, photo, g));
            }
        }
        found.sort(Comparator.comparingDouble(GroundDetection::score).reversed());
        java.util.Set<String> searched = new java.util.HashSet<>();
        plan.passes().forEach(p -> p.groups().forEach(grp -> searched.add(grp.id())));
        return new PhotoDetections(found, plan.skipped(), plan.tileCount(), searched);
    }

    private List<GroundDetection> runPass(TilePlan.Pass pass, Mat decoded, double toStored, AnalyzedPhoto photo, GroundProjector g) {
        Map<String, ObjectGroup> byLabel = new HashMap<>();
        pass.groups().forEach(grp -> grp.labels().forEach(l -> byLabel.putIfAbsent(l, grp)));
        List<Detection> boxes = new ArrayList<>();
        double storedPerScaled = 1 / pass.scale();
        try (Mat scaled = new Mat(); Size size = new Size(pass.width(), pass.height())) {
            // Bilinear down to half size (the decode's DCT scaling did the rest): INTER_AREA at a non-integer factor
            // cost 38 ms per pass on a 12 MP photo against 10 ms, for no difference the model sees at ≥ ½.
            resize(decoded, scaled, size, 0, 0, pass.width() * 2 < decoded.cols() ? INTER_AREA : INTER_LINEAR);
            for (int[] t : pass.tiles()) {
                int tw = Math.min(pass.tileSize(), pass.width());
                int th = Math.min(pass.tileSize(), pass.height());
                try (Rect area = new Rect(t[0], t[1], tw, th); Mat tile = new Mat(scaled, area)) {
                    for (Detection d : detector.detect(tile)) {
                        ObjectGroup grp = byLabel.get(d.label());
                        if (grp == null || d.score() < grp.minScore()) {
                            continue;
                        }
                        Box b = d.box();
                        boxes.add(new Detection(d.classId(), d.label(), d.score(), new Box(
                                (float) ((b.x1() + t[0]) * storedPerScaled), (float) ((b.y1() + t[1]) * storedPerScaled),
                                (float) ((b.x2() + t[0]) * storedPerScaled), (float) ((b.y2() + t[1]) * storedPerScaled))));
                    }
                }
            }
        }
        int width = photo.metadata().size().width();
        int height = photo.metadata().size().height();
        boolean nadir = g.pose().pitchDeg() <= NADIR_PITCH_DEG;
        List<GroundDetection> out = new ArrayList<>();
        double gsdM = g.gsdCm() / 100;
        for (Detection d : Nms.classAware(boxes, settings.nmsIou(), 1000)) {
            Box b = d.box().clip(width, height);
            ObjectGroup grp = java.util.Objects.requireNonNull(byLabel.get(d.label()), "kept only labels of the pass");
            double sizeM = Math.max(b.width(), b.height()) * gsdM;
            if (sizeM < grp.sizeM() * MIN_SIZE_FACTOR || sizeM > grp.sizeM() * MAX_SIZE_FACTOR) {
                continue;   // a "person" 7 m tall is a tree: the ground resolution says what size an object can be
            }
            GroundPoint at = photo.locate(b.centerX(), nadir ? b.centerY() : b.footY()).orElse(null);
            out.add(new GroundDetection(grp.id(), d.label(), d.score(), b, at));
        }
        return out;
    }

    private static int flag(int reduce) {
        return switch (reduce) {
            case 8 -> IMREAD_REDUCED_COLOR_8;
            case 4 -> IMREAD_REDUCED_COLOR_4;
            case 2 -> IMREAD_REDUCED_COLOR_2;
            default -> IMREAD_COLOR;
        };
    }
}
