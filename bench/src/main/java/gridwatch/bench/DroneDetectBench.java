package gridwatch.bench;

import gridwatch.detectors.vision.ClassMap;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.yolox.Letterbox;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.drone.camera.CameraTable;
import gridwatch.drone.detect.DetectionSettings;
import gridwatch.drone.detect.GroundDetection;
import gridwatch.drone.detect.ObjectGroup;
import gridwatch.drone.detect.PhotoDetections;
import gridwatch.drone.detect.PhotoDetector;
import gridwatch.drone.detect.TilePlan;
import gridwatch.drone.georef.UncertaintyModel;
import gridwatch.drone.photo.AnalyzedPhoto;
import gridwatch.drone.photo.DroneSettings;
import gridwatch.drone.photo.PhotoAnalyzer;
import gridwatch.drone.quality.QualityLimits;
import gridwatch.geo.datum.Datum;
import gridwatch.geo.grid.GeoJsonGridReader;
import gridwatch.geo.grid.GridIndex;
import gridwatch.profiles.ProfileLoader;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Drone photos per minute through the gateway's own classes — metadata, quality gates and georeference
 * ({@link PhotoAnalyzer}, frame gates on, as the gateway runs it), tiled detection ({@link PhotoDetector}: decode,
 * scale, tiles, inference, NMS, each object on the ground) and the grid cell of every object — against raw
 * inference ({@link YoloxDetector#infer}) on the very same tiles, letterboxed beforehand, in the same run, alternated
 * photo by photo (raw pass, photo, raw pass, photo …) so both see the same load. ONNX Runtime with 2 intra-op threads (a box's 2 cores). Then the peak resident
 * memory of one 12 MP photo through the pipeline: the kernel's high-water mark (VmHWM, reset through
 * /proc/self/clear_refs) over the resident size before it.
 *
 * <p>Usage: DroneDetectBench SHARED_DIR GRID_GEOJSON [rounds]
 */
public final class DroneDetectBench {

    /** Raw passes and photos alternated per round. */
    private static final int ALTERNATIONS = 6;
    private static final String SHA = "695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14";

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        Path gridFile = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ModelSpec spec = new ModelSpec(shared.resolve("models/yolox_nano.onnx"), SHA, 416, ClassMap.COCO, 0.3f, 0.45f, 2);
        DroneSettings settings = new DroneSettings(ZoneId.of("America/Chicago"), null,
                CameraTable.from(new ProfileLoader().load(List.of()), CameraTable.PROFILE), QualityLimits.DEFAULT, UncertaintyModel.DEFAULT, true);
        PhotoAnalyzer analyzer = new PhotoAnalyzer(settings);
        GridIndex grid = new GeoJsonGridReader().read(gridFile, Datum.WGS84);
        // The config's default groups (people 0.6 m / 24 px, vehicles 4.5 m / 140 px); garbage has no COCO class.
        DetectionSettings ds = new DetectionSettings(List.of(new ObjectGroup("people", Set.of("person"), 0.6, 24, 0.3f),
                new ObjectGroup("vehicles", Set.of("car", "truck", "bus"), 4.5, 140, 0.3f)), 0.25, 3, 0.45f);
        Path photo = shared.resolve("testdata/drone/brighton_DJI_0024.JPG");
        System.out.printf(Locale.ROOT, "# %d cores, %s; photo %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"), photo.getFileName());
        try (YoloxDetector model = new YoloxDetector(spec)) {
            PhotoDetector detector = new PhotoDetector(model, 416, ds);
            AnalyzedPhoto first = analyzer.analyze(photo);
            TilePlan plan = TilePlan.of(ds, 4000, 2250, java.util.Objects.requireNonNull(first.projector(), "0024 is located").gsdCm(), 416);
            List<FloatBuffer> tiles = letterboxed(photo, plan);
            System.out.printf(Locale.ROOT, "tiles: %d (%s)%n", tiles.size(), plan.passes().stream()
                    .map(p -> String.format(Locale.ROOT, "%s at scale %.2f: %d", p.groups().stream().map(ObjectGroup::id).toList(), p.scale(), p.tiles().size()))
                    .toList());
            peakMemory("the first 12 MP photo (model loaded, nothing run yet)", analyzer, detector, grid, photo);
            pipeline(analyzer, detector, grid, photo);   // warm-up
            raw(model, tiles);
            List<Double> ratios = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                // Interleaved photo by photo, so that both sides see the same load from whatever else the machine runs.
                double raw = 0;
                double pipe = 0;
                int objects = 0;
                for (int i = 0; i < ALTERNATIONS; i++) {
                    raw += raw(model, tiles);
                    long t0 = System.nanoTime();
                    objects = pipeline(analyzer, detector, grid, photo);
                    pipe += (System.nanoTime() - t0) / 1e9;
                }
                raw /= ALTERNATIONS;
                pipe /= ALTERNATIONS;
                double ratio = raw / pipe;
                ratios.add(ratio);
                System.out.printf(Locale.ROOT, "drone detect round %d: raw %.2f s per photo's tiles (%.1f photos/min), pipeline %.2f s per photo "
                        + "(%.1f photos/min, %d objects), ratio %.2f%n", r, raw, 60 / raw, pipe, 60 / pipe, objects, ratio);
            }
            ratios.sort(null);
            System.out.printf(Locale.ROOT, "drone detect: median ratio %.2f over %d rounds (min %.2f, max %.2f)%n", ratios.get(ratios.size() / 2),
                    rounds, ratios.getFirst(), ratios.getLast());
            peakMemory("a 12 MP photo after the others (steady state)", analyzer, detector, grid, photo);
        }
    }

    /** One photo through the gateway's path; returns the objects found. */
    private static int pipeline(PhotoAnalyzer analyzer, PhotoDetector detector, GridIndex grid, Path photo) throws Exception {
        AnalyzedPhoto p = analyzer.analyze(photo);
        PhotoDetections found = detector.detect(p);
        int n = 0;
        for (GroundDetection d : found.found()) {
            if (d.ground() != null) {
                grid.locate(d.ground().position(), d.ground().uncertaintyM());
                n++;
            }
        }
        return n;
    }

    /** Seconds for the model alone on every tile, each already letterboxed into its own direct buffer. */
    private static double raw(YoloxDetector model, List<FloatBuffer> tiles) {
        long t0 = System.nanoTime();
        for (FloatBuffer t : tiles) {
            model.infer(t);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The tiles the detector makes of the photo (same decode, scale and cut), letterboxed as it does, each kept. */
    private static List<FloatBuffer> letterboxed(Path photo, TilePlan plan) throws Exception {
        List<FloatBuffer> out = new ArrayList<>();
        byte[] bytes = Files.readAllBytes(photo);
        double finest = plan.passes().getFirst().scale();
        try (Letterbox lb = new Letterbox(416); BytePointer data = new BytePointer(bytes); Mat enc = new Mat(1, bytes.length, CV_8UC1, data);
             Mat decoded = imdecode(enc, finest <= 0.5 ? IMREAD_REDUCED_COLOR_2 : IMREAD_COLOR)) {
            for (TilePlan.Pass pass : plan.passes()) {
                try (Mat scaled = new Mat(); Size size = new Size(pass.width(), pass.height())) {
                    resize(decoded, scaled, size, 0, 0, pass.width() * 2 < decoded.cols() ? INTER_AREA : INTER_LINEAR);
                    for (int[] t : pass.tiles()) {
                        try (Rect r = new Rect(t[0], t[1], Math.min(416, pass.width()), Math.min(416, pass.height())); Mat tile = new Mat(scaled, r)) {
                            FloatBuffer chw = lb.apply(tile);
                            FloatBuffer copy = ByteBuffer.allocateDirect(chw.capacity() * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
                            copy.put(chw.rewind()).flip();
                            out.add(copy);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void peakMemory(String what, PhotoAnalyzer analyzer, PhotoDetector detector, GridIndex grid, Path photo) throws Exception {
        System.gc();
        long before = ProcessMemory.status("VmRSS");
        boolean reset = resetPeak();
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        pipeline(analyzer, detector, grid, photo);
        long peak = ProcessMemory.status("VmHWM");
        long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "drone memory, %s: RSS before %.0f MB, peak during it %.0f MB (+%.0f MB)%s; Java heap grew %.0f MB%n",
                what, before / 1e6, peak / 1e6, (peak - before) / 1e6, reset ? "" : " (VmHWM could not be reset: peak since start)",
                (heapAfter - heapBefore) / 1e6);
    }

    /** Writing 5 to /proc/self/clear_refs resets the peak RSS (Linux ≥ 4.0). */
    private static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
