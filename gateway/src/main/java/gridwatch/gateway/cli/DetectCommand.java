package gridwatch.gateway.cli;

import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.vision.DetectRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gridwatch detect FILE [--config C --camera ID]}: the camera's detector, density counter and
 * rules over an image or a recording, for tuning thresholds before going live. Only the options live here:
 * picocli loads this class on every start, so the work (and every vision type) is in
 * {@link DetectRun}, loaded only when the command runs.
 */
@Command(name = "detect", description = "Run the detector, the density counter and a camera's rules over an image or a video file; "
        + "print one JSON line per analysed frame (per zone: detector, density and hybrid counts) and write an annotated copy "
        + "with the density map as a heat overlay.")
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

    @Option(names = "--density-model", description = "Density-map model when no config is given (default: models/mcnn_shtechA.onnx, then ../shared/models/).")
    Path densityModel;

    @Option(names = "--density-sha256", description = "Expected sha256 of --density-model.")
    String densitySha256;

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
        return new DetectRun(file, cfg, config, camera, model, sha256, densityModel, densitySha256, fps, out).run();
    }
}
