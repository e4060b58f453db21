package gridwatch.gateway.vision;

import gridwatch.config.model.CameraVisionConfig;
import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.GatewayConfig;
import gridwatch.config.model.UplinkConfig;
import gridwatch.config.model.VideoConnection;
import gridwatch.config.model.VisionConfig;
import gridwatch.detectors.vision.ModelFile;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.density.DensitySampler;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import org.jspecify.annotations.Nullable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code gridwatch detect} run: picks the camera and the model, builds the camera's chain and
 * runs {@link DetectTool} over the file. Lives here, not in the CLI class, because picocli loads
 * every subcommand class (and the types of its methods) on every start: a sensor-only box must not
 * load vision classes because the {@code detect} command exists. Runs on the caller's thread.
 *
 * @param file  an image or a video file, readable
 * @param cfg   the loaded box config: the model, and the camera's zones and rules; or null for the whole frame and no rules
 * @param config the file {@code cfg} came from (its directory resolves the model), or null without a config
 * @param camera camera device id in the config, or null for the only camera
 * @param model ONNX model when there is no config, or null for models/yolox_nano.onnx, then ../shared/models/
 * @param sha256 expected sha256 of {@code model}, or null for a known YOLOX-nano file
 * @param densityModel density model when there is no config, or null for models/mcnn_shtechA.onnx, then ../shared/models/
 * @param densitySha256 expected sha256 of {@code densityModel}, or null for a known MCNN file
 * @param fps analysed frames per second of a video, or null for the camera's analysisFps, else 2
 * @param out the annotated copy, or null for FILE's name + .annotated.jpg or .annotated.avi
 */
public record DetectRun(Path file, @Nullable EdgeConfig cfg, @Nullable Path config, @Nullable String camera,
                        @Nullable Path model, @Nullable String sha256, @Nullable Path densityModel, @Nullable String densitySha256,
                        @Nullable Double fps, @Nullable Path out) {

    /** The density model {@code detect} looks for without a config, under the project and then beside it. */
    static final String DENSITY_FILE = "mcnn_shtechA.onnx";

    /** @return the exit code: 0, or 2 when a model cannot be used */
    public int run() throws Exception {
        try {
            return analyse();
        } catch (ModelFile.ModelRefusedException e) {
            System.err.println("gridwatch detect: " + e.getMessage());
            return 2;
        }
    }

    private int analyse() throws Exception {
        DeviceConfig device = cfg == null ? bareCamera() : pickCamera(cfg);
        Path base = cfg == null || config == null ? Path.of(".") : Objects.requireNonNull(config.toAbsolutePath().getParent());
        ModelSpec spec = cfg != null && cfg.vision().model() != null && model == null
                ? VisionFactory.modelSpec(cfg.vision().model(), base)
                : defaultModel();
        if (device.vision() == null || device.vision().density() == null) {
            System.err.println("gridwatch detect: density skipped " + (cfg == null
                    ? "(no models/" + DENSITY_FILE + " or ../shared/models/" + DENSITY_FILE + "; see README \"Models\", or pass --density-model)"
                    : "(camera " + device.id() + " has no vision.density)"));
        }
        // Closed in reverse: the analyzer (its rules' native images), the factory (the density model), the detector.
        try (YoloxDetector detector = new YoloxDetector(spec);
             VisionFactory factory = new VisionFactory(cfg != null ? cfg : minimal(), base, Clock.systemUTC());
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
            DensitySampler density = analyzer.density();
            System.err.printf("gridwatch detect: %d frames analysed, %d findings, %d inferences%s; annotated copy%s: %s%n",
                    tool.frames(), found, analyzer.inferences(),
                    density == null ? "" : ", " + density.estimates() + " density estimates (" + density.counterName() + ")",
                    density == null ? "" : " with the density heat overlay", target.toAbsolutePath());
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

    /** Without a config: the whole frame as one zone, no rules, no motion gate; density with the defaults when a model is found. */
    private DeviceConfig bareCamera() {
        var whole = new CameraVisionConfig.ImageZoneConfig("frame", null, List.of(List.of(0.0, 0.0), List.of(1.0, 0.0), List.of(1.0, 1.0), List.of(0.0, 1.0)), null, null);
        Path dm = densityModel != null ? densityModel : find(DENSITY_FILE);
        CameraVisionConfig.DensityConfig density = dm == null ? null : new CameraVisionConfig.DensityConfig(
                new VisionConfig.DensityModelConfig(dm, densitySha256 != null ? densitySha256 : KnownModels.mcnnSha256(dm), null),
                null, null, null, null);
        return new DeviceConfig("detect", null, "ip-camera", null, null, null,
                new VideoConnection(file.toString(), null, null, fps, null, false, false, null, null),
                new CameraVisionConfig(List.of(whole), null, null, null, null, null, null, density));
    }

    /** {@code models/NAME} under GRIDWATCH_HOME (the launcher's directory, else the working one), then {@code ../shared/models/NAME}. */
    private static @Nullable Path find(String name) {
        Path home = Path.of(System.getenv().getOrDefault("GRIDWATCH_HOME", "."));
        for (Path c : List.of(home.resolve("models").resolve(name), home.resolve("../shared/models").resolve(name))) {
            if (Files.exists(c)) {
                return c.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    private static EdgeConfig minimal() {
        // No gateway runs: the factory reads only vision and site, the gateway id and uplink are placeholders.
        return new EdgeConfig(new GatewayConfig("detect"), null, new UplinkConfig(UplinkConfig.EMBEDDED, null, null, null, null, null, null, null, null),
                null, null, null, null, null, List.of(), Map.of(), List.of(), null, null, null, null,
                new VisionConfig(null, new VisionConfig.MotionConfig(false, null, null, null)));
    }

    private ModelSpec defaultModel() {
        Path m = model != null ? model : find("yolox_nano.onnx");
        if (m == null) {
            throw new ModelFile.ModelRefusedException("no model: pass --model or --config, or put yolox_nano.onnx under models/ (see README: Models)");
        }
        return ModelSpec.yoloxNano(m, sha256 != null ? sha256 : KnownModels.yoloxNanoSha256(m));
    }
}
