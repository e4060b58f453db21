package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What one camera watches: zones drawn on its picture (normalised 0–1), exit lines, and the
 * rules over them, kept with the camera as Frigate does, so one block says all about a camera.
 */
public record CameraVisionConfig(List<ImageZoneConfig> zones, List<LineConfig> lines, List<CrowdRuleConfig> crowd,
                                 List<KeyPostRuleConfig> keyPost, List<MuckTruckRuleConfig> muckTruck,
                                 List<GarbagePileRuleConfig> garbagePile, @Nullable List<Integer> tiles,
                                 @Nullable DensityConfig density) {

    public CameraVisionConfig(@Nullable List<ImageZoneConfig> zones, @Nullable List<LineConfig> lines,
                              @Nullable List<CrowdRuleConfig> crowd, @Nullable List<KeyPostRuleConfig> keyPost,
                              @Nullable List<MuckTruckRuleConfig> muckTruck,
                              @Nullable List<GarbagePileRuleConfig> garbagePile, @Nullable List<Integer> tiles,
                              @Nullable DensityConfig density) {
        this.zones = zones == null ? List.of() : List.copyOf(zones);
        this.lines = lines == null ? List.of() : List.copyOf(lines);
        this.crowd = crowd == null ? List.of() : List.copyOf(crowd);
        this.keyPost = keyPost == null ? List.of() : List.copyOf(keyPost);
        this.muckTruck = muckTruck == null ? List.of() : List.copyOf(muckTruck);
        this.garbagePile = garbagePile == null ? List.of() : List.copyOf(garbagePile);
        this.tiles = tiles == null ? null : List.copyOf(tiles);
        this.density = density;
    }

    public CameraVisionConfig(@Nullable List<ImageZoneConfig> zones, @Nullable List<LineConfig> lines,
                              @Nullable List<CrowdRuleConfig> crowd, @Nullable List<KeyPostRuleConfig> keyPost,
                              @Nullable List<MuckTruckRuleConfig> muckTruck,
                              @Nullable List<GarbagePileRuleConfig> garbagePile, @Nullable List<Integer> tiles) {
        this(zones, lines, crowd, keyPost, muckTruck, garbagePile, tiles, null);
    }

    /**
     * Counting people by density map on this camera (its presence turns it on): the crowd rules then use
     * the hybrid of tracked people and the density count (docs/vision-quality.md).
     *
     * @param model        this camera's own density model; the box's {@code vision.densityModel} when absent
     * @param inputWidth   frames are scaled to this width for the model (never enlarged), aspect kept
     * @param periodSeconds the model runs at most this often
     * @param switchOver   density count (after the noise floor) from which a zone counts by density
     * @param noiseFloor   people the model sees in this camera's empty picture; each zone takes its share off
     */
    public record DensityConfig(VisionConfig.@Nullable DensityModelConfig model, Integer inputWidth, Double periodSeconds, Double switchOver,
                                Double noiseFloor) {
        public DensityConfig(VisionConfig.@Nullable DensityModelConfig model, @Nullable Integer inputWidth, @Nullable Double periodSeconds,
                             @Nullable Double switchOver, @Nullable Double noiseFloor) {
            this.model = model;
            this.inputWidth = inputWidth == null ? 960 : inputWidth;
            this.periodSeconds = periodSeconds == null ? 5.0 : periodSeconds;
            this.switchOver = switchOver == null ? 25.0 : switchOver;
            this.noiseFloor = noiseFloor == null ? 8.0 : noiseFloor;
        }
    }

    /** @param zone the config zone (grid cell) it belongs to; the camera's own when absent */
    public record ImageZoneConfig(String id, @Nullable String zone, List<List<Double>> polygon, List<List<List<Double>>> exclude, @Nullable Double areaM2) {
        public ImageZoneConfig(String id, @Nullable String zone, List<List<Double>> polygon,
                               @Nullable List<List<List<Double>>> exclude, @Nullable Double areaM2) {
            this.id = id;
            this.zone = zone;
            this.polygon = polygon;
            this.exclude = exclude == null ? List.of() : exclude;
            this.areaM2 = areaM2;
        }
    }

    public record LineConfig(String id, @Nullable String zone, List<Double> from, List<Double> to) {
    }

    public record CrowdRuleConfig(String id, String alertType, String zone, @Nullable Integer minPeople, @Nullable Double minDensityPerM2,
                                  Double minSeconds, Double clearSeconds, Integer smoothFrames, Double minScore, String severity) {
        public CrowdRuleConfig(String id, @Nullable String alertType, String zone, @Nullable Integer minPeople,
                               @Nullable Double minDensityPerM2, @Nullable Double minSeconds,
                               @Nullable Double clearSeconds, @Nullable Integer smoothFrames, @Nullable Double minScore,
                               @Nullable String severity) {
            this.id = id;
            this.alertType = alertType == null ? "crowd.gathering" : alertType;
            this.zone = zone;
            this.minPeople = minPeople;
            this.minDensityPerM2 = minDensityPerM2;
            this.minSeconds = minSeconds == null ? 60.0 : minSeconds;
            this.clearSeconds = clearSeconds == null ? 30.0 : clearSeconds;
            this.smoothFrames = smoothFrames == null ? 5 : smoothFrames;
            this.minScore = minScore == null ? 0.35 : minScore;
            this.severity = severity == null ? "yellow" : severity;
        }
    }

    public record KeyPostRuleConfig(String id, String alertType, String zone, String from, String to, Double maxAbsentMinutes,
                                    Double minScore, String severity) {
        public KeyPostRuleConfig(String id, @Nullable String alertType, String zone, @Nullable String from,
                                 @Nullable String to, @Nullable Double maxAbsentMinutes, @Nullable Double minScore,
                                 @Nullable String severity) {
            this.id = id;
            this.alertType = alertType == null ? "post.absence" : alertType;
            this.zone = zone;
            this.from = from == null ? "00:00" : from;
            this.to = to == null ? "00:00" : to;
            this.maxAbsentMinutes = maxAbsentMinutes == null ? 10.0 : maxAbsentMinutes;
            this.minScore = minScore == null ? 0.3 : minScore;
            this.severity = severity == null ? "yellow" : severity;
        }
    }

    /** @param line the exit line (its A→B has the site on the left) */
    public record MuckTruckRuleConfig(String id, String alertType, String line, List<String> labels, Double minScore,
                                      Double mudThreshold, Integer maxSamples, Double clearSeconds, String severity) {
        public MuckTruckRuleConfig(String id, @Nullable String alertType, String line, @Nullable List<String> labels,
                                   @Nullable Double minScore, @Nullable Double mudThreshold,
                                   @Nullable Integer maxSamples, @Nullable Double clearSeconds,
                                   @Nullable String severity) {
            this.id = id;
            this.alertType = alertType == null ? "muck-truck.unwashed" : alertType;
            this.line = line;
            this.labels = labels == null ? List.of("truck") : List.copyOf(labels);
            this.minScore = minScore == null ? 0.3 : minScore;
            this.mudThreshold = mudThreshold == null ? 0.45 : mudThreshold;
            this.maxSamples = maxSamples == null ? 10 : maxSamples;
            this.clearSeconds = clearSeconds == null ? 120.0 : clearSeconds;
            this.severity = severity == null ? "orange" : severity;
        }
    }

    /** @param zone the no-dumping image zone */
    public record GarbagePileRuleConfig(String id, String alertType, String zone, Double learnSeconds, Double diffThreshold,
                                        Double minAreaShare, Double persistMinutes, Double clearSeconds, List<String> garbageLabels,
                                        String severity) {
        public GarbagePileRuleConfig(String id, @Nullable String alertType, String zone, @Nullable Double learnSeconds,
                                     @Nullable Double diffThreshold, @Nullable Double minAreaShare,
                                     @Nullable Double persistMinutes, @Nullable Double clearSeconds,
                                     @Nullable List<String> garbageLabels, @Nullable String severity) {
            this.id = id;
            this.alertType = alertType == null ? "garbage.pile" : alertType;
            this.zone = zone;
            this.learnSeconds = learnSeconds == null ? 600.0 : learnSeconds;
            this.diffThreshold = diffThreshold == null ? 35.0 : diffThreshold;
            this.minAreaShare = minAreaShare == null ? 0.02 : minAreaShare;
            this.persistMinutes = persistMinutes == null ? 10.0 : persistMinutes;
            this.clearSeconds = clearSeconds == null ? 120.0 : clearSeconds;
            this.garbageLabels = garbageLabels == null ? List.of() : List.copyOf(garbageLabels);
            this.severity = severity == null ? "yellow" : severity;
        }
    }
}
