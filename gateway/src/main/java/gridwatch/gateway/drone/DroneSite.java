package gridwatch.gateway.drone;

import gridwatch.config.ConfigException;
import gridwatch.config.model.DroneConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.SiteConfig;
import gridwatch.detectors.vision.ClassMap;
import gridwatch.drone.camera.CameraTable;
import gridwatch.drone.detect.DetectionSettings;
import gridwatch.drone.detect.ObjectGroup;
import gridwatch.drone.georef.UncertaintyModel;
import gridwatch.drone.photo.DroneSettings;
import gridwatch.drone.quality.QualityLimits;
import gridwatch.geo.datum.Datum;
import gridwatch.geo.grid.GeoJsonGridReader;
import gridwatch.geo.grid.GridFileException;
import gridwatch.geo.grid.GridIndex;
import gridwatch.profiles.ProfileLoader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a box's config says about drone photos, made usable once: the analyzer's settings (site zone, ground
 * elevation, camera table), the grid cells (converted from their datum) and the object groups to detect. Immutable.
 */
final class DroneSite {

    private static final Logger LOG = LoggerFactory.getLogger(DroneSite.class);

    private DroneSite() {
    }

    /** The analyzer's settings for a config (or for no config: Asia/Shanghai, RelativeAltitude, the built-in camera table). */
    static DroneSettings settings(@Nullable EdgeConfig cfg, boolean checkFrames) throws ConfigException {
        DroneConfig drone = cfg == null ? new DroneConfig(null, null, null) : cfg.drone();
        ZoneId zone = cfg == null ? ZoneId.of(SiteConfig.DEFAULT_ZONE) : cfg.site().zoneId();
        CameraTable table = CameraTable.from(new ProfileLoader().load(cfg == null ? List.of() : cfg.profiles().directories()), drone.cameraProfile());
        return new DroneSettings(zone, drone.groundElevationM(), table, QualityLimits.DEFAULT, UncertaintyModel.DEFAULT, checkFrames);
    }

    /** The config's grid, or null when it names none. */
    static @Nullable GridIndex grid(EdgeConfig cfg) throws IOException, GridFileException {
        DroneConfig.GridConfig g = cfg.drone().grid();
        return g == null ? null : new GeoJsonGridReader().read(g.file(), Datum.parse(g.datum()));
    }

    /**
     * The groups to look for, of those named ({@code ids}; null: all), each keeping only the labels the model has; a
     * group left with none (garbage on a COCO model) is dropped and logged.
     */
    static DetectionSettings detection(DroneConfig.DetectionConfig d, @Nullable List<String> ids, ClassMap classes, float nmsIou) {
        Set<String> names = new HashSet<>(classes.names());
        List<ObjectGroup> groups = new ArrayList<>();
        for (DroneConfig.ObjectGroupConfig g : d.objects()) {
            if (ids != null && !ids.contains(g.id())) {
                continue;
            }
            Set<String> labels = new HashSet<>(g.labels());
            labels.retainAll(names);
            if (labels.isEmpty()) {
                LOG.debug("drone object group {}: the model has none of its classes {}; not looked for", g.id(), g.labels());
                continue;
            }
            groups.add(new ObjectGroup(g.id(), labels, g.sizeM(), g.minPx(), g.minScore().floatValue()));
        }
        return new DetectionSettings(groups, d.tileOverlap(), d.maxUpscale(), nmsIou);
    }
}
