package gridwatch.gateway.cli;

import gridwatch.config.model.CameraVisionConfig;
import gridwatch.config.model.CategoryConfig;
import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.VideoConnection;
import gridwatch.config.model.VisionConfig;
import gridwatch.gateway.vision.KnownModels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's camera: a recording replayed as a live camera with a crowd rule, when a model and
 * a video can be found (never downloaded, never copied into the repo). Looks in {@code models/}
 * and {@code ../shared/models/} for the model, and {@code GRIDWATCH_DEMO_VIDEO} or
 * {@code ../shared/testdata/video/vtest.avi} for the video.
 */
final class DemoCamera {

    record Found(EdgeConfig config, String line) {
    }

    private DemoCamera() {
    }

    static Found add(EdgeConfig cfg, Path home) {
        if (cfg.devices().stream().anyMatch(d -> d.connection() instanceof VideoConnection)) {
            return new Found(cfg, "");
        }
        Optional<Path> model = first(home.resolve("models/yolox_nano.onnx"), home.resolve("../shared/models/yolox_nano.onnx"));
        String env = System.getenv("GRIDWATCH_DEMO_VIDEO");
        Optional<Path> video = env != null ? first(Path.of(env)) : first(home.resolve("../shared/testdata/video/vtest.avi"));
        if (model.isEmpty() || video.isEmpty()) {
            return new Found(cfg, "  Camera:        skipped (no " + (model.isEmpty() ? "models/yolox_nano.onnx" : "video") + "); "
                    + (model.isEmpty() ? "download it as README \"Models\" says" : "set GRIDWATCH_DEMO_VIDEO to a recording") + "\n");
        }
        String zone = cfg.zones().isEmpty() ? null : cfg.zones().getFirst().id();
        var path = new CameraVisionConfig.ImageZoneConfig("footpath", null,
                List.of(List.of(0.0, 0.15), List.of(1.0, 0.15), List.of(1.0, 1.0), List.of(0.0, 1.0)), null, null);
        var crowd = new CameraVisionConfig.CrowdRuleConfig("footpath-crowd", "crowd.gathering", "footpath", 6, null, 10.0, 10.0, 5, 0.35, "yellow");
        DeviceConfig cam = new DeviceConfig("cam-footpath", "Footpath camera (replayed recording)", "ip-camera", zone, null, null,
                new VideoConnection(video.get().toAbsolutePath().normalize().toString(), null, null, 2.0, null, true, true, null, null),
                new CameraVisionConfig(List.of(path), null, List.of(crowd), null, null, null, null));
        VisionConfig vision = new VisionConfig(new VisionConfig.ModelConfig(model.get().toAbsolutePath().normalize(),
                KnownModels.yoloxNanoSha256(model.get()), null, null, null, null, null), null);
        EdgeConfig withCam = cfg.withDevice(cam, Map.of("crowd.gathering", new CategoryConfig("04-09", "人群聚集", "event", "CJT214")), vision);
        return new Found(withCam, "  Camera:        cam-footpath <- " + video.get().normalize() + " (crowd of 6+ on the footpath for 10 s)\n");
    }

    private static Optional<Path> first(Path... candidates) {
        for (Path p : candidates) {
            if (Files.isReadable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
