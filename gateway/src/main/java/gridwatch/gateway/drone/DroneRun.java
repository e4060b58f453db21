package gridwatch.gateway.drone;

import gridwatch.config.ConfigException;
import gridwatch.config.model.DroneConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.SiteConfig;
import gridwatch.drone.camera.CameraTable;
import gridwatch.drone.georef.UncertaintyModel;
import gridwatch.drone.patrol.PatrolYawCheck;
import gridwatch.drone.photo.DroneSettings;
import gridwatch.drone.photo.PhotoAnalyzer;
import gridwatch.drone.quality.QualityLimits;
import gridwatch.drone.tool.DroneTool;
import gridwatch.drone.tool.Pixel;
import gridwatch.geo.datum.Datum;
import gridwatch.geo.grid.GeoJsonGridReader;
import gridwatch.geo.grid.GridFileException;
import gridwatch.geo.grid.GridIndex;
import gridwatch.profiles.ProfileLoader;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * One {@code gridwatch drone} run: the site's settings from the box config (or defaults), the grid
 * (the option's, else the config's, converted from its datum), then {@link DroneTool}. Lives here,
 * not in the CLI class, because picocli loads every subcommand class on every start: a box without
 * drones must not load the drone module because the command exists. Runs on the caller's thread.
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
        DroneConfig drone = cfg == null ? new DroneConfig(null, null, null) : cfg.drone();
        ZoneId zone = cfg == null ? ZoneId.of(SiteConfig.DEFAULT_ZONE) : cfg.site().zoneId();
        CameraTable table = CameraTable.from(new ProfileLoader().load(cfg == null ? List.of() : cfg.profiles().directories()), drone.cameraProfile());
        DroneSettings settings = new DroneSettings(zone, drone.groundElevationM(), table, QualityLimits.DEFAULT, UncertaintyModel.DEFAULT, true);
        return new DroneTool(new PhotoAnalyzer(settings), PatrolYawCheck.DEFAULT, cells, annotate).run(photos, asked, System.out, System.err);
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
