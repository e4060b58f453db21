package gridwatch.gateway.cli;

import gridwatch.config.model.CategoryConfig;
import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.DroneConfig;
import gridwatch.config.model.DroneConnection;
import gridwatch.config.model.DroneServerConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.IngestConfig;
import gridwatch.config.model.VisionConfig;
import gridwatch.gateway.vision.KnownModels;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo's drone: a patrol of the team's Brighton Beach photos ({@code ../shared/testdata/drone}) replayed into a
 * watched folder from {@value #FIRST_AFTER_SECONDS} s after start, one photo every {@value #EVERY_SECONDS} s, analysed by the real drone pipeline (grid
 * {@code seeds/drone/brighton-park-grid.geojson}, YOLOX-nano looking for vehicles), so its alerts carry a ground
 * location and a grid cell. Needs the photos and the model (never downloaded); otherwise the banner says in one line
 * what it skipped. The watched folder and the drone store are a temporary directory, fresh for each run (a store kept
 * between runs would know the photos and not analyse them again), removed at the end.
 *
 * <p>Threading: {@link #start} starts one daemon thread ({@code demo-drone-replay}) that copies the photos and may
 * block on disk; {@link #close} stops it and removes the directory.
 */
final class DemoDrone implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDrone.class);
    private static final long EVERY_SECONDS = 2;
    /** The patrol lands this long after start: time to start mosquitto_sub as the banner says. */
    private static final long FIRST_AFTER_SECONDS = 10;
    static final String DEVICE = "drone-demo";
    /** 0032 first: the re-saved 0024 and 0026 are settled against photos already in the patrol. */
    static final List<String> PATROL = List.of("brighton_DJI_0032_w1000.jpg", "brighton_DJI_0026_w1000.jpg", "brighton_DJI_0022_w1000.jpg",
            "brighton_DJI_0030_w1000.jpg", "brighton_DJI_0020_w1000.jpg", "brighton_DJI_0018_w1000.jpg");

    private final EdgeConfig config;
    private final String line;
    private final @Nullable Path work;
    private final List<Path> photos;
    private @Nullable Thread replay;

    private DemoDrone(EdgeConfig config, String line, @Nullable Path work, List<Path> photos) {
        this.config = config;
        this.line = line;
        this.work = work;
        this.photos = photos;
    }

    EdgeConfig config() {
        return config;
    }

    /** The banner line (ends with a newline). */
    String line() {
        return line;
    }

    static DemoDrone add(EdgeConfig cfg, Path home) throws IOException {
        if (cfg.devices().stream().anyMatch(d -> d.connection() instanceof DroneConnection)) {
            return new DemoDrone(cfg, "", null, List.of());
        }
        Path shared = home.resolve("../shared/testdata/drone").normalize();
        List<Path> photos = PATROL.stream().map(shared::resolve).filter(Files::isReadable).toList();
        Optional<Path> model = Stream.of(home.resolve("models/yolox_nano.onnx"), home.resolve("../shared/models/yolox_nano.onnx"))
                .filter(Files::isReadable).findFirst();
        Path grid = home.resolve("seeds/drone/brighton-park-grid.geojson").toAbsolutePath().normalize();
        if (photos.size() < PATROL.size() || model.isEmpty() || !Files.isReadable(grid)) {
            String what = photos.size() < PATROL.size() ? "no " + shared : model.isEmpty() ? "no models/yolox_nano.onnx" : "no " + grid;
            return new DemoDrone(cfg, "  Drone:         skipped (" + what + "); the patrol replays the team's photos from ../shared\n", null, List.of());
        }
        Path work = Files.createTempDirectory("gridwatch-demo-drone");
        String zone = cfg.zones().isEmpty() ? null : cfg.zones().getFirst().id();
        DeviceConfig drone = new DeviceConfig(DEVICE, "巡查无人机 (replayed Brighton Beach patrol)", "drone-camera", zone, null, null,
                new DroneConnection(work.resolve("sync"), 0.5, 0.5, false, null, null, null, List.of("vehicles")), null);
        VisionConfig vision = cfg.vision().model() != null ? cfg.vision() : new VisionConfig(new VisionConfig.ModelConfig(
                model.get().toAbsolutePath().normalize(), KnownModels.yoloxNanoSha256(model.get()), null, null, null, 2, null), cfg.vision().motion());
        Map<String, CategoryConfig> categories = Map.of(
                "drone.vehicle", new CategoryConfig("local-drone-vehicle", "机动车乱停放", "event", "SH-WG"),
                "drone.change.appeared", new CategoryConfig("local-drone-appeared", "巡查对比新增", "event", "local"),
                "drone.change.vanished", new CategoryConfig("local-drone-vanished", "巡查对比消失", "event", "local"));
        EdgeConfig with = cfg.withDevice(drone, categories, vision)
                .withDrone(new DroneConfig(cfg.drone().groundElevationM(), new DroneConfig.GridConfig(grid, "wgs84"), cfg.drone().cameraProfile(),
                        cfg.drone().detection(), cfg.drone().change()))
                .withIngest(new IngestConfig(cfg.ingest().hj212(), cfg.ingest().sl651(), new DroneServerConfig("127.0.0.1", 0, work.resolve("store"), null, null)));
        return new DemoDrone(with, "  Drone:         " + DEVICE + " <- " + shared + " (" + photos.size() + " photos of one patrol from "
                + FIRST_AFTER_SECONDS + " s on, one every " + EVERY_SECONDS + " s; vehicles, located in the cells of seeds/drone/brighton-park-grid.geojson)\n",
                work, photos);
    }

    /** Starts copying the patrol's photos into the watched folder (after the gateway started). */
    void start() {
        Path w = work;
        if (w == null) {
            return;
        }
        Thread t = new Thread(() -> copy(w.resolve("sync/brighton-patrol")), "demo-drone-replay");
        t.setDaemon(true);
        replay = t;
        t.start();
    }

    private void copy(Path patrol) {
        try {
            Files.createDirectories(patrol);
            Thread.sleep(FIRST_AFTER_SECONDS * 1000);
            for (Path p : photos) {
                // Copied under a hidden name and renamed: the watcher passes hidden files over, so it never sees half a photo.
                Path tmp = patrol.resolve("." + p.getFileName());
                Files.copy(p, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, patrol.resolve(p.getFileName().toString().replace("brighton_", "")), StandardCopyOption.ATOMIC_MOVE);
                Thread.sleep(EVERY_SECONDS * 1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("demo drone replay stopped: {}", e.toString());
        }
    }

    /** Stops the replay and removes the temporary folder (the gateway is closed first). */
    @Override
    public void close() {
        Thread t = replay;
        if (t != null) {
            t.interrupt();
        }
        Path w = work;
        if (w != null) {
            try (Stream<Path> all = Files.walk(w)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.debug("demo drone folder {} not removed: {}", w, e.toString());
            }
        }
    }
}
