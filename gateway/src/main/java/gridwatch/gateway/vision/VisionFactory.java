package gridwatch.gateway.vision;

import org.jspecify.annotations.Nullable;

import gridwatch.config.model.CameraVisionConfig;
import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.VideoConnection;
import gridwatch.config.model.VisionConfig;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.ClassMap;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.ObjectDetector;
import gridwatch.detectors.vision.TiledDetector;
import gridwatch.detectors.vision.crowd.CrowdRule;
import gridwatch.detectors.vision.crowd.CrowdSpec;
import gridwatch.detectors.vision.density.DensityCounter;
import gridwatch.detectors.vision.density.DensityModelSpec;
import gridwatch.detectors.vision.density.DensitySampler;
import gridwatch.detectors.vision.density.DensitySettings;
import gridwatch.detectors.vision.density.McnnCounter;
import gridwatch.detectors.vision.garbage.GarbagePileRule;
import gridwatch.detectors.vision.garbage.GarbagePileSpec;
import gridwatch.detectors.vision.motion.MotionGate;
import gridwatch.detectors.vision.muck.MudScore;
import gridwatch.detectors.vision.muck.MuckTruckRule;
import gridwatch.detectors.vision.muck.MuckTruckSpec;
import gridwatch.detectors.vision.post.KeyPostRule;
import gridwatch.detectors.vision.post.KeyPostSpec;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.detectors.vision.scene.SceneRule;
import gridwatch.detectors.vision.snapshot.Annotator;
import gridwatch.detectors.vision.track.IouTracker;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.detectors.vision.zone.CountingLine;
import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import gridwatch.gateway.ingest.video.VideoStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Builds the cameras of a config: one shared detector (loaded on the first camera, so a box
 * without cameras never loads ONNX Runtime), and per camera its zones, lines, rules, motion gate
 * and tracker, and for a camera that counts by density its sampler on the shared density model (one
 * per model file, loaded on the first camera that uses it) and the box's one {@link DensityWorker}.
 * Config paths are relative to the config file's directory.
 *
 * <p>Ownership: the factory owns the models and the density worker and frees them in {@link #close()},
 * which the gateway calls after closing every camera (stop decoding → end the analysis → free the
 * rules → stop the density worker → free the models). Each {@link CameraSource} it makes owns its stream and analysis chain. Closing the model
 * waits for an inference still running and refuses later ones, so even a camera that outlived its
 * own close, or a wrong order, cannot make it free memory under an inference. A camera or chain
 * that fails half-way through being built frees what was already built.
 */
public final class VisionFactory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VisionFactory.class);

    private final EdgeConfig config;
    private final Path configDir;
    private final Clock clock;
    private @Nullable SharedDetector detector;
    /** Density models by file and checksum: cameras naming the same file share one session. */
    private final Map<DensityModelSpec, DensityCounter> densityModels = new LinkedHashMap<>();
    private @Nullable DensityWorker densityWorker;

    public VisionFactory(EdgeConfig config, Path configDir, Clock clock) {
        this.config = config;
        this.configDir = configDir;
        this.clock = clock;
    }

    public static ModelSpec modelSpec(VisionConfig.ModelConfig m, Path configDir) {
        ClassMap classes = m.classes() == null ? ClassMap.COCO : new ClassMap(m.classes());
        return new ModelSpec(configDir.resolve(m.path()).normalize(), m.sha256(), m.inputSize(), classes,
                m.minScore().floatValue(), m.nmsIou().floatValue(), m.threads());
    }

    private SharedDetector detector() {
        if (detector == null) {
            VisionConfig.ModelConfig m = config.vision().model();
            if (m == null) {
                throw new IllegalStateException("cameras are configured but vision.model is not: say which ONNX model to run");
            }
            detector = new SharedDetector(new YoloxDetector(modelSpec(m, configDir)));
        }
        return detector;
    }

    /** @param onFrame hears of every decoded frame (device activity, for the offline watch) */
    public CameraSource camera(DeviceConfig d, VideoConnection v, LongConsumer onFrame) {
        SceneAnalyzer analyzer = analyzer(d, detector(), densityWorker());
        try {
            return new CameraSource(d.id(), new VideoStream(d.id(), v, configDir, clock, onFrame), analyzer);
        } catch (RuntimeException e) {
            analyzer.close();
            throw e;
        }
    }

    private Executor densityWorker() {
        DensityWorker w = densityWorker;
        if (w == null) {
            w = new DensityWorker();
            densityWorker = w;
        }
        return w;
    }

    /**
     * The analysis chain of one camera around any detector (the detect tool brings its own), with its
     * density estimates run on the calling thread, each on the frame it was made from (the detect tool,
     * tests). The caller owns the chain and closes it, before this factory; the detector stays the caller's.
     */
    public SceneAnalyzer analyzer(DeviceConfig d, ObjectDetector det) {
        return analyzer(d, det, Runnable::run);
    }

    /** @param density runs the camera's density estimates, when it counts by density */
    private SceneAnalyzer analyzer(DeviceConfig d, ObjectDetector det, Executor density) {
        List<SceneRule> rules = new ArrayList<>();
        try {
            return analyzer(d, det, density, rules);
        } catch (RuntimeException e) {
            // A rule that failed to build (a line or zone the camera lacks) must not strand the
            // native memory of those built before it.
            rules.forEach(SceneRule::close);
            throw e;
        }
    }

    private SceneAnalyzer analyzer(DeviceConfig d, ObjectDetector det, Executor densityExecutor, List<SceneRule> rules) {
        CameraVisionConfig cv = d.vision() == null ? new CameraVisionConfig(null, null, null, null, null, null, null) : d.vision();
        Map<String, ImageZone> zones = cv.zones().stream().collect(Collectors.toMap(CameraVisionConfig.ImageZoneConfig::id,
                z -> new ImageZone(z.id(), z.zone() != null ? z.zone() : d.zone(), polygon(z.polygon()),
                        z.exclude().stream().map(VisionFactory::polygon).toList(), z.areaM2()),
                (a, b) -> a, java.util.LinkedHashMap::new));
        List<CountingLine> lines = cv.lines().stream().map(l -> new CountingLine(l.id(), l.zone() != null ? l.zone() : d.zone(),
                l.from().get(0), l.from().get(1), l.to().get(0), l.to().get(1))).toList();
        for (var c : cv.crowd()) {
            rules.add(new CrowdRule(new CrowdSpec(c.id(), c.alertType(), zone(zones, c.zone(), d), c.minPeople() == null ? 1 : c.minPeople(),
                    c.minDensityPerM2(), c.minSeconds(), c.clearSeconds(), c.smoothFrames(), c.minScore().floatValue(),
                    Severity.fromWire(c.severity()))));
        }
        for (var k : cv.keyPost()) {
            rules.add(new KeyPostRule(new KeyPostSpec(k.id(), k.alertType(), zone(zones, k.zone(), d), LocalTime.parse(k.from()),
                    LocalTime.parse(k.to()), config.site().zoneId(), k.maxAbsentMinutes() * 60, k.minScore().floatValue(),
                    Severity.fromWire(k.severity()))));
        }
        Map<String, CountingLine> byId = lines.stream().collect(Collectors.toMap(CountingLine::id, l -> l, (a, b) -> a));
        for (var m : cv.muckTruck()) {
            CountingLine exit = byId.get(m.line());
            if (exit == null) {
                throw new IllegalArgumentException("camera " + d.id() + " has no line '" + m.line() + "' (lines: " + byId.keySet() + ")");
            }
            rules.add(new MuckTruckRule(new MuckTruckSpec(m.id(), m.alertType(), exit, Set.copyOf(m.labels()), m.minScore().floatValue(),
                    m.mudThreshold(), m.maxSamples(), m.clearSeconds(), MudScore.Settings.defaults(), Severity.fromWire(m.severity()))));
        }
        for (var g : cv.garbagePile()) {
            rules.add(new GarbagePileRule(new GarbagePileSpec(g.id(), g.alertType(), zone(zones, g.zone(), d), g.learnSeconds(),
                    g.diffThreshold(), g.minAreaShare(), g.persistMinutes() * 60, g.clearSeconds(), Set.copyOf(g.garbageLabels()),
                    Severity.fromWire(g.severity()))));
        }
        ObjectDetector looking = cv.tiles() == null ? det
                : new TiledDetector(det, cv.tiles().get(0), cv.tiles().get(1), 0.2, config.vision().model() == null ? 0.45f
                : config.vision().model().nmsIou().floatValue());
        DensitySampler density = cv.density() == null ? null
                : new DensitySampler(d.id(), densityModel(d, cv.density()), densitySettings(cv.density()), List.copyOf(zones.values()),
                densityExecutor);
        // The gate last: nothing can fail between its native allocation and the analyzer taking it over.
        VisionConfig.MotionConfig mc = config.vision().motion();
        MotionGate gate = mc.enabled() ? new MotionGate(new MotionGate.Settings(mc.pixelThreshold(), mc.minChangedFraction(), 0.05,
                Duration.ofMillis((long) (mc.refreshSeconds() * 1000))), List.copyOf(zones.values())) : null;
        return new SceneAnalyzer(d.id(), looking, gate, new IouTracker(IouTracker.Settings.defaults()), rules,
                List.copyOf(zones.values()), lines, new Annotator(1280, 80), density);
    }

    public static DensitySettings densitySettings(CameraVisionConfig.DensityConfig dc) {
        return new DensitySettings(dc.inputWidth(), Duration.ofMillis(Math.round(dc.periodSeconds() * 1000)), dc.switchOver(), dc.noiseFloor());
    }

    /** The camera's density model, loaded once per file (its checksum checked then). */
    private DensityCounter densityModel(DeviceConfig d, CameraVisionConfig.DensityConfig dc) {
        VisionConfig.DensityModelConfig m = dc.model() != null ? dc.model() : config.vision().densityModel();
        if (m == null) {
            throw new IllegalStateException("camera " + d.id() + " counts by density but no density model is configured: "
                    + "set vision.densityModel (path and sha256)");
        }
        DensityModelSpec spec = new DensityModelSpec(configDir.resolve(m.path()).normalize(), m.sha256(), m.threads());
        DensityCounter c = densityModels.get(spec);
        if (c == null) {
            c = new McnnCounter(spec);
            densityModels.put(spec, c);
            LOG.debug("density model {} loaded for camera {} (and any camera naming the same file)", spec.path(), d.id());
        }
        return c;
    }

    private static ImageZone zone(Map<String, ImageZone> zones, String id, DeviceConfig d) {
        ImageZone z = zones.get(id);
        if (z == null) {
            throw new IllegalArgumentException("camera " + d.id() + " has no image zone '" + id + "' (zones: " + zones.keySet() + ")");
        }
        return z;
    }

    private static NormalizedPolygon polygon(List<List<Double>> pts) {
        return new NormalizedPolygon(pts.stream().map(p -> new double[] {p.get(0), p.get(1)}).toList());
    }

    /** Stops the density worker and frees the models (see the class comment); call after the cameras are closed. Idempotent. */
    @Override
    public void close() {
        try {
            if (densityWorker != null) {
                densityWorker.close();
            }
        } finally {
            try {
                densityModels.values().forEach(DensityCounter::close);
            } finally {
                if (detector != null) {
                    detector.closeModel();
                }
            }
        }
    }
}
