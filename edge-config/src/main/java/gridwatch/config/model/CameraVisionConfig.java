package gridwatch.config.model;

import java.util.List;

/**
 * What one camera watches: zones drawn on its picture (normalised 0–1), exit lines, and the
 * rules over them, kept with the camera as Frigate does, so one block says all about a camera.
 */
public record CameraVisionConfig(List<ImageZoneConfig> zones, List<LineConfig> lines, List<CrowdRuleConfig> crowd,
                                 List<KeyPostRuleConfig> keyPost, List<MuckTruckRuleConfig> muckTruck,
                                 List<GarbagePileRuleConfig> garbagePile, List<Integer> tiles, DensityConfig density) {

    public CameraVisionConfig {
        zones = zones == null ? List.of() : List.copyOf(zones);
        lines = lines == null ? List.of() : List.copyOf(lines);
        crowd = crowd == null ? List.of() : List.copyOf(crowd);
        keyPost = keyPost == null ? List.of() : List.copyOf(keyPost);
        muckTruck = muckTruck == null ? List.of() : List.copyOf(muckTruck);
        garbagePile = garbagePile == null ? List.of() : List.copyOf(garbagePile);
        tiles = tiles == null ? null : List.copyOf(tiles);
    }

    public CameraVisionConfig(List<ImageZoneConfig> zones, List<LineConfig> lines, List<CrowdRuleConfig> crowd,
                              List<KeyPostRuleConfig> keyPost, List<MuckTruckRuleConfig> muckTruck,
                              List<GarbagePileRuleConfig> garbagePile, List<Integer> tiles) {
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
    public record DensityConfig(VisionConfig.DensityModelConfig model, Integer inputWidth, Double periodSeconds, Double switchOver,
                                Double noiseFloor) {
        public DensityConfig {
            inputWidth = inputWidth == null ? 960 : inputWidth;
            periodSeconds = periodSeconds == null ? 5.0 : periodSeconds;
            switchOver = switchOver == null ? 25.0 : switchOver;
            noiseFloor = noiseFloor == null ? 8.0 : noiseFloor;
        }
    }

    /** @param zone the config zone (grid cell) it belongs to; the camera's own when absent */
    public record ImageZoneConfig(String id, String zone, List<List<Double>> polygon, List<List<List<Double>>> exclude, Double areaM2) {
        public ImageZoneConfig {
            exclude = exclude == null ? List.of() : exclude;
        }
    }

    public record LineConfig(String id, String zone, List<Double> from, List<Double> to) {
    }

    public record CrowdRuleConfig(String id, String alertType, String zone, Integer minPeople, Double minDensityPerM2,
                                  Double minSeconds, Double clearSeconds, Integer smoothFrames, Double minScore, String severity) {
        public CrowdRuleConfig {
            alertType = alertType == null ? "crowd.gathering" : alertType;
            minSeconds = minSeconds == null ? 60.0 : minSeconds;
            clearSeconds = clearSeconds == null ? 30.0 : clearSeconds;
            smoothFrames = smoothFrames == null ? 5 : smoothFrames;
            minScore = minScore == null ? 0.35 : minScore;
            severity = severity == null ? "yellow" : severity;
        }
    }

    public record KeyPostRuleConfig(String id, String alertType, String zone, String from, String to, Double maxAbsentMinutes,
                                    Double minScore, String severity) {
        public KeyPostRuleConfig {
            alertType = alertType == null ? "post.absence" : alertType;
            from = from == null ? "00:00" : from;
            to = to == null ? "00:00" : to;
            maxAbsentMinutes = maxAbsentMinutes == null ? 10.0 : maxAbsentMinutes;
            minScore = minScore == null ? 0.3 : minScore;
            severity = severity == null ? "yellow" : severity;
        }
    }

    /** @param line the exit line (its A→B has the site on the left) */
    public record MuckTruckRuleConfig(String id, String alertType, String line, List<String> labels, Double minScore,
                                      Double mudThreshold, Integer maxSamples, Double clearSeconds, String severity) {
        public MuckTruckRuleConfig {
            alertType = alertType == null ? "muck-truck.unwashed" : alertType;
            labels = labels == null ? List.of("truck") : List.copyOf(labels);
            minScore = minScore == null ? 0.3 : minScore;
            mudThreshold = mudThreshold == null ? 0.45 : mudThreshold;
            maxSamples = maxSamples == null ? 10 : maxSamples;
            clearSeconds = clearSeconds == null ? 120.0 : clearSeconds;
            severity = severity == null ? "orange" : severity;
        }
    }

    /** @param zone the no-dumping image zone */
    public record GarbagePileRuleConfig(String id, String alertType, String zone, Double learnSeconds, Double diffThreshold,
                                        Double minAreaShare, Double persistMinutes, Double clearSeconds, List<String> garbageLabels,
                                        String severity) {
        public GarbagePileRuleConfig {
            alertType = alertType == null ? "garbage.pile" : alertType;
            learnSeconds = learnSeconds == null ? 600.0 : learnSeconds;
            diffThreshold = diffThreshold == null ? 35.0 : diffThreshold;
            minAreaShare = minAreaShare == null ? 0.02 : minAreaShare;
            persistMinutes = persistMinutes == null ? 10.0 : persistMinutes;
            clearSeconds = clearSeconds == null ? 120.0 : clearSeconds;
            garbageLabels = garbageLabels == null ? List.of() : List.copyOf(garbageLabels);
            severity = severity == null ? "yellow" : severity;
        }
    }
}
