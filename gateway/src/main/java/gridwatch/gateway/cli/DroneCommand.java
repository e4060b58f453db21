package gridwatch.gateway.cli;

import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.drone.DroneRun;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code gridwatch drone PHOTO... [--pixel X,Y]... [--grid FILE --grid-datum D] [--config C] [--annotate DIR]}:
 * checks a patrol's photos before they are trusted. Only the options live here: picocli loads this
 * class on every start, so the work (and every drone type) is in {@link DroneRun}, loaded only
 * when the command runs. The options left out are null (picocli sets only those given).
 */
@Command(name = "drone", description = "Georeference drone photos: print one JSON line per photo (pose, GSD, footprint, warnings, "
        + "each --pixel on the ground with its uncertainty and grid cell); annotated copies with --annotate.")
final class DroneCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PHOTO", arity = "1..*", description = "JPEG photos of one patrol (re-saved ones are checked against the others).")
    List<Path> photos;

    @Option(names = "--pixel", paramLabel = "X,Y", description = "A pixel to put on the ground, asked of every photo (repeatable).")
    List<String> pixels = List.of();

    @Option(names = "--grid", paramLabel = "FILE", description = "Grid cells (GeoJSON); default: the config's drone.grid.")
    @Nullable Path grid;

    @Option(names = "--grid-datum", paramLabel = "D", description = "What --grid was drawn in: wgs84, cgcs2000, gcj02 (AMap, Tencent) or bd09 (Baidu). Required with --grid.")
    @Nullable String gridDatum;

    @Option(names = "--config", description = "Box config: site time zone, drone.groundElevationM, drone.grid, profile directories (camera table).")
    @Nullable Path config;

    @Option(names = "--annotate", paramLabel = "DIR", description = "Write NAME.annotated.jpg for each photo into DIR (none by default).")
    @Nullable Path annotate;

    @Override
    public Integer call() throws Exception {
        EdgeConfig cfg = config == null ? null : new GatewayConfigLoader().load(config);
        return new DroneRun(photos, pixels, grid, gridDatum, cfg, annotate).run();
    }
}
