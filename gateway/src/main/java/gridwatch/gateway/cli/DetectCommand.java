package gridwatch.gateway.cli;

import gridwatch.config.model.CameraVisionConfig;
import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.VideoConnection;
import gridwatch.config.model.VisionConfig;
import gridwatch.detectors.vision.ModelFile;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.vision.DetectTool;
import gridwatch.gateway.vision.VisionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code gridwatch detect FILE [--config C --camera ID]}: the camera's detector and rules over an
 * image or a recording, for tuning thresholds before going live.
 */
@Command(name = "detect", description = "Run the detector and a camera's rules over an image or a video file; "
        + "print one JSON line per analysed frame and write an annotated copy.")
final class DetectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "An image (jpg, png) or a video file.")
    Path file;

    @Option(names = "--config", description = "Box config: the model, and the camera's zones and rules.")
    Path config;

    @Option(names = "--camera", description = "Camera device id in the config (default: the only camera).")
    String camera;

    @Option(names = "--model", description = "ONNX model when no config is given (default: models/yolox_nano.onnx, then ../shared/models/).")
    Path model;

    @Option(names = "--sha256", description = "Expected sha256 of --model.")
    String sha256;

    @Option(names = "--fps", description = "Analysed frames per second of a video (default: the camera's analysisFps, else 2).")
    Double fps;

    @Option(names = "--out", description = "Annotated copy (default: FILE's name + .annotated.jpg or .annotated.avi in the current directory).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(file)) {
            System.err.println("gridwatch detect: cannot read " + file);
            return 2;
        }
        EdgeConfig cfg = config == null ? null : new GatewayConfigLoader().load(config);
        DeviceConfig device = cfg == null ? bareCamera() : pickCamera(cfg);
        Path base = config == null ? Path.of(".") : config.toAbsolutePath().getParent();
        ModelSpec spec = cfg != null && cfg.vision().model() != null && model == null
                ? VisionFactory.modelSpec(cfg.vision().model(), base)
                : defaultModel();
        VisionFactory factory = new VisionFactory(cfg != null ? cfg : minimal(), base, Clock.systemUTC());
        // The analyzer borrows the detector: closed first (its rules' native images), the model after.
        try (YoloxDetector detector = new YoloxDetector(spec);
             SceneAnalyzer analyzer = factory.analyzer(device, detector)) {
            DetectTool tool = new DetectTool(analyzer, System.out);
            String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            int found;
            Path target;
            if (DetectTool.isImage(file)) {
                target = out != null ? out : Path.of(name + ".annotated.jpg");
                found = tool.image(file, target);
            } else {
                double rate = fps != null ? fps : device.connection() instanceof VideoConnection v ? v.analysisFps() : 2.0;
                target = out != null ? out : Path.of(name + ".annotated.avi");
                found = tool.video(file, rate, target);
            }
            System.err.printf("gridwatch detect: %d frames analysed, %d findings, %d inferences; annotated copy: %s%n",
                    tool.frames(), found, analyzer.inferences(), target.toAbsolutePath());
        } catch (ModelFile.ModelRefusedException e) {
            System.err.println("gridwatch detect: " + e.getMessage());
            return 2;
        }
        return 0;
    }

    private DeviceConfig pickCamera(EdgeConfig cfg) {
        List<DeviceConfig> cams = cfg.devices().stream().filter(d -> d.connection() instanceof VideoConnection)
                .filter(d -> camera == null || d.id().equals(camera)).toList();
        if (cams.size() != 1) {
            throw new IllegalArgumentException(camera != null ? "no camera '" + camera + "' in " + config
                    : "say which camera with --camera (cameras: " + cfg.devices().stream()
                    .filter(d -> d.connection() instanceof VideoConnection).map(DeviceConfig::id).toList() + ")");
        }
        return cams.getFirst();
    }

    /** Without a config: the whole frame as one zone, no rules, no motion gate. */
    private DeviceConfig bareCamera() {
        var whole = new CameraVisionConfig.ImageZoneConfig("frame", null, List.of(List.of(0.0, 0.0), List.of(1.0, 0.0), List.of(1.0, 1.0), List.of(0.0, 1.0)), null, null);
        return new DeviceConfig("detect", null, "ip-camera", null, null, null,
                new VideoConnection(file.toString(), null, null, fps, null, false, false, null, null),
                new CameraVisionConfig(List.of(whole), null, null, null, null, null, null));
    }

    private EdgeConfig minimal() {
        return new EdgeConfig(null, null, null, null, null, null, null, null, List.of(), java.util.Map.of(), List.of(), null, null, null, null,
                new VisionConfig(null, new VisionConfig.MotionConfig(false, null, null, null)));
    }

    private ModelSpec defaultModel() {
        Path m = model;
        if (m == null) {
            Path home = Path.of(System.getenv().getOrDefault("GRIDWATCH_HOME", "."));
            for (Path c : List.of(home.resolve("models/yolox_nano.onnx"), home.resolve("../shared/models/yolox_nano.onnx"))) {
                if (Files.exists(c)) {
                    m = c.normalize();
                    break;
                }
            }
        }
        if (m == null) {
            throw new ModelFile.ModelRefusedException("no model: pass --model or --config, or put yolox_nano.onnx under models/ (see README: Models)");
        }
        return ModelSpec.yoloxNano(m, sha256 != null ? sha256 : knownYoloxNano(m));
    }

    /** Megvii's release asset 0.1.1rc0, and the team's re-export of the same weights (see README "Models"). */
    static final java.util.Set<String> KNOWN_YOLOX_NANO = java.util.Set.of(
            "c789161ed43c8269fcd4e67c67eeeb4e80c622da2eb296a20bc6007bd18a0b7d",
            "695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14");

    /** The file's own sha256 when it is one of the known YOLOX-nano files; otherwise the official one, which refuses it. */
    static String knownYoloxNano(Path m) {
        try {
            String actual = ModelFile.sha256(m);
            return KNOWN_YOLOX_NANO.contains(actual) ? actual : "c789161ed43c8269fcd4e67c67eeeb4e80c622da2eb296a20bc6007bd18a0b7d";
        } catch (java.io.IOException e) {
            throw new ModelFile.ModelRefusedException("cannot read model file " + m + ": " + e.getMessage());
        }
    }
}
