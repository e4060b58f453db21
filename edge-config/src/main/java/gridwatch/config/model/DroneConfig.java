package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

/**
 * Drone patrol photos at this site (docs/drone.md).
 *
 * @param groundElevationM ground height above sea level, m: heights come from AbsoluteAltitude minus it; null to use RelativeAltitude
 * @param grid             the grid cells photos are assigned to, or null
 * @param cameraProfile    the profile holding the camera table
 */
public record DroneConfig(@Nullable Double groundElevationM, @Nullable GridConfig grid, String cameraProfile) {

    public DroneConfig(@Nullable Double groundElevationM, @Nullable GridConfig grid, @Nullable String cameraProfile) {
        this.groundElevationM = groundElevationM;
        this.grid = grid;
        this.cameraProfile = cameraProfile == null ? "drone-camera" : cameraProfile;
    }

    /**
     * @param file  the GeoJSON file, absolute once loaded
     * @param datum what it was drawn in: wgs84, cgcs2000, gcj02 or bd09
     */
    public record GridConfig(Path file, String datum) {
    }
}
