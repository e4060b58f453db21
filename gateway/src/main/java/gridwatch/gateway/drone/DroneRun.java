package gridwatch.gateway.drone;

import gridwatch.config.ConfigException;
import gridwatch.config.model.DroneConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.vision.ModelFile;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.drone.detect.PhotoDetector;
import gridwatch.drone.patrol.PatrolYawCheck;
import gridwatch.drone.photo.DroneSettings;
import gridwatch.drone.photo.PhotoAnalyzer;
import gridwatch.gateway.vision.KnownModels;
import gridwatch.gateway.vision.VisionFactory;
import gridwatch.drone.tool.DroneTool;
import gridwatch.drone.tool.Pixel;
import gridwatch.geo.datum.Datum;
import gridwatch.geo.grid.GeoJsonGridReader;
import gridwatch.geo.grid.GridFileException;
import gridwatch.geo.grid.GridIndex;
import org.jspecify.annotations.Nullable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code gridwatch drone} run: the site's settings from the box config (or defaults), the grid
 * (the option's, else the config's, converted from its datum), then {@link DroneTool}. Lives here,
 * not in the CLI class, because picocli loads every subcommand class on every start: a box without
 * drones must not load the drone module because the command exists. Detections come from the config's
 * {@code vision.model} (its {@code drone.detection} groups), else from a YOLOX-nano file under {@code models/} or
 * {@code ../shared/models/}; without either, the lines have no detections and stderr says why. Runs on the caller's thread.
 *
 * @param photos    the photos, one patrol
 * @param pixels    {@code X,Y} strings to put on the ground in every photo
 * @param grid      a grid file given on the command line, or null for the config's
 * @param gridDatum what {@code grid} was drawn in; required with it
 * @param cfg       the loaded box config, or null
 * @param annotate  directory for annotated copies, or null
 */
public record DroneRun(List<Path> photos, List<String> pixels, @Nullable Path grid, @Nullable String gridDatum, @Nullable EdgeConfig cfg,
                       @Nullable Path annotate) {

    /** @return 0, or 2 when an argument, the grid or a photo cannot be used (said on stderr, or as an error line) */
    public int run() throws Exception {
        List<Pixel> asked;
        GridIndex cells;
        try {
            asked = pixels.stream().map(Pixel::parse).toList();
            cells = loadGrid();
        } catch (IllegalArgumentException e) {
            System.err.println("gridwatch drone: " + e.getMessage());
            return 2;
        } catch (GridFileException e) {
            System.err.println("gridwatch drone: the grid file cannot be used:\n  " + String.join("\n  ", e.problems()));
            return 2;
        }
        DroneSettings settings = DroneSite.settings(cfg, true);
        DroneConfig drone = cfg == null ? new DroneConfig(null, null, null) : cfg.drone();
        ModelSpec spec;
        try {
            spec = modelSpec();
        } catch (ModelFile.ModelRefusedException e) {
            System.err.println("gridwatch drone: detections skipped: " + e.getMessage());
            return new DroneTool(new PhotoAnalyzer(settings), PatrolYawCheck.DEFAULT, cells, annotate).run(photos, asked, System.out, System.err);
        }
        try (YoloxDetector model = new YoloxDetector(spec)) {
            PhotoDetector detector = new PhotoDetector(model, spec.inputSize(), DroneSite.detection(drone.detection(), null, spec.classes(), spec.nmsIou()));
            return new DroneTool(new PhotoAnalyzer(settings), PatrolYawCheck.DEFAULT, cells, annotate, detector).run(photos, asked, System.out, System.err);
        }
    }

    /** The config's vision.model, else a known YOLOX-nano under models/ or ../shared/models/. */
    private ModelSpec modelSpec() {
        if (cfg != null && cfg.vision().model() != null) {
            return VisionFactory.modelSpec(cfg.vision().model(), Path.of("."));
        }
        String home = System.getenv("GRIDWATCH_HOME");
        Path base = home != null ? Path.of(home) : Path.of(".");
        for (Path c : List.of(base.resolve("models/yolox_nano.onnx"), base.resolve("../shared/models/yolox_nano.onnx"))) {
            if (Files.isReadable(c)) {
                return ModelSpec.yoloxNano(c, KnownModels.yoloxNanoSha256(c));
            }
        }
        throw new ModelFile.ModelRefusedException("no vision.model in the config and no models/yolox_nano.onnx (see README: Models)");
    }

    private @Nullable GridIndex loadGrid() throws java.io.IOException, GridFileException, ConfigException {
        if (grid != null) {
            if (gridDatum == null) {
                throw new IllegalArgumentException("say what --grid was drawn in with --grid-datum wgs84|cgcs2000|gcj02|bd09 "
                        + "(traced on AMap or Tencent maps: gcj02; on Baidu: bd09): it is never guessed");
            }
            return new GeoJsonGridReader().read(grid, Datum.parse(gridDatum));
        }
        if (cfg != null && cfg.drone().grid() != null) {
            return new GeoJsonGridReader().read(cfg.drone().grid().file(), Datum.parse(cfg.drone().grid().datum()));
        }
        return null;
    }
}
