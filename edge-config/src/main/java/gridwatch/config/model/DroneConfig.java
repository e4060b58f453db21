package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.List;

/**
 * Drone patrol photos at this site (docs/drone.md).
 *
 * @param groundElevationM ground height above sea level, m: heights come from AbsoluteAltitude minus it; null to use RelativeAltitude
 * @param grid             the grid cells photos are assigned to, or null
 * @param cameraProfile    the profile holding the camera table
 * @param detection        what the detector looks for in patrol photos, and at which ground resolution
 * @param change           patrol-to-patrol comparison of the objects found
 */
public record DroneConfig(@Nullable Double groundElevationM, @Nullable GridConfig grid, String cameraProfile, DetectionConfig detection,
                          ChangeConfig change) {

    public DroneConfig(@Nullable Double groundElevationM, @Nullable GridConfig grid, @Nullable String cameraProfile,
                       @Nullable DetectionConfig detection, @Nullable ChangeConfig change) {
        this.groundElevationM = groundElevationM;
        this.grid = grid;
        this.cameraProfile = cameraProfile == null ? "drone-camera" : cameraProfile;
        this.detection = detection == null ? new DetectionConfig(null, null, null, null) : detection;
        this.change = change == null ? new ChangeConfig(null, null, null, null, null, null) : change;
    }

    /** Without detection or change settings (their defaults). */
    public DroneConfig(@Nullable Double groundElevationM, @Nullable GridConfig grid, @Nullable String cameraProfile) {
        this(groundElevationM, grid, cameraProfile, null, null);
    }

    /**
     * @param file  the GeoJSON file, absolute once loaded
     * @param datum what it was drawn in: wgs84, cgcs2000, gcj02 or bd09
     */
    public record GridConfig(Path file, String datum) {
    }

    /**
     * The box's detector ({@code vision.model}) run on full-resolution patrol photos in overlapping tiles, each object
     * group at the ground resolution its objects need.
     *
     * @param tileOverlap share of a tile its neighbour overlaps (so an object cut by one tile is whole in the next)
     * @param maxUpscale  at most this enlargement of a photo for the model; a group needing more is skipped for that
     *                    photo and says so (the photo is too coarse to show it)
     * @param ttlMinutes  how long a finding's incident stays open without being seen again (one-shot)
     * @param objects     the object groups; each drone looks for those its connection names (default: all)
     */
    public record DetectionConfig(Double tileOverlap, Double maxUpscale, Integer ttlMinutes, List<ObjectGroupConfig> objects) {

        public DetectionConfig(@Nullable Double tileOverlap, @Nullable Double maxUpscale, @Nullable Integer ttlMinutes,
                               @Nullable List<ObjectGroupConfig> objects) {
            this.tileOverlap = tileOverlap == null ? 0.25 : tileOverlap;
            this.maxUpscale = maxUpscale == null ? 3.0 : maxUpscale;
            this.ttlMinutes = ttlMinutes == null ? 720 : ttlMinutes;
            this.objects = objects == null ? DEFAULT_OBJECTS : List.copyOf(objects);
        }

        /** People, vehicles, and garbage where the model has a {@code garbage} class (COCO has none). */
        public static final List<ObjectGroupConfig> DEFAULT_OBJECTS = List.of(
                new ObjectGroupConfig("people", List.of("person"), "drone.people", 0.6, 24, null, null),
                new ObjectGroupConfig("vehicles", List.of("car", "truck", "bus"), "drone.vehicle", 4.5, 140, null, null),
                new ObjectGroupConfig("garbage", List.of("garbage"), "drone.garbage", 1.5, 48, null, null));

        public java.util.Optional<ObjectGroupConfig> object(String id) {
            return objects.stream().filter(o -> o.id().equals(id)).findFirst();
        }
    }

    /**
     * One kind of object patrols look for.
     *
     * @param id        referenced by a drone's {@code connection.detect}
     * @param labels    the model's class names that count as this group
     * @param alertType what a sighting is reported as (map it in categories)
     * @param sizeM     the object's typical size seen from above, m
     * @param minPx     how many of the model's input pixels that size must span for the model to find it
     * @param minScore  lowest detection score kept
     * @param severity  severity of a sighting
     */
    public record ObjectGroupConfig(String id, List<String> labels, String alertType, Double sizeM, Integer minPx, Double minScore,
                                    String severity) {

        public ObjectGroupConfig(String id, List<String> labels, String alertType, Double sizeM, Integer minPx, @Nullable Double minScore,
                                 @Nullable String severity) {
            this.id = id;
            this.labels = List.copyOf(labels);
            this.alertType = alertType;
            this.sizeM = sizeM;
            this.minPx = minPx;
            this.minScore = minScore == null ? 0.3 : minScore;
            this.severity = severity == null ? "yellow" : severity;
        }
    }

    /**
     * Patrol-to-patrol change: each photo is compared with the overlapping photos of the previous patrol over the same
     * ground, object by object (registered image to image; pixel differences are not used: parallax).
     *
     * @param enabled          whether to compare at all
     * @param appearedAlertType an object of a group that the previous patrol did not see there
     * @param vanishedAlertType an object the previous patrol saw that is no longer there
     * @param minOverlap       footprint overlap (share of the smaller photo) for two photos to be compared
     * @param maxPairs         previous photos compared per photo, most overlap first (bounds the cost)
     * @param toleranceM       added to the objects' own size when matching registered positions, m
     */
    public record ChangeConfig(Boolean enabled, String appearedAlertType, String vanishedAlertType, Double minOverlap, Integer maxPairs,
                               Double toleranceM) {

        public ChangeConfig(@Nullable Boolean enabled, @Nullable String appearedAlertType, @Nullable String vanishedAlertType,
                            @Nullable Double minOverlap, @Nullable Integer maxPairs, @Nullable Double toleranceM) {
            this.enabled = enabled == null || enabled;
            this.appearedAlertType = appearedAlertType == null ? "drone.change.appeared" : appearedAlertType;
            this.vanishedAlertType = vanishedAlertType == null ? "drone.change.vanished" : vanishedAlertType;
            this.minOverlap = minOverlap == null ? 0.3 : minOverlap;
            this.maxPairs = maxPairs == null ? 2 : maxPairs;
            this.toleranceM = toleranceM == null ? 2.0 : toleranceM;
        }
    }
}
