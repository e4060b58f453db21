package gridwatch.gateway.drone;

import gridwatch.config.ConfigException;
import gridwatch.config.model.DroneConfig;
import gridwatch.config.model.DroneConnection;
import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Evidence;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.GroundLocation;
import gridwatch.detectors.core.Lifetime;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.core.Subject;
import gridwatch.detectors.vision.Box;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.drone.change.Comparison;
import gridwatch.drone.change.PatrolComparer;
import gridwatch.drone.change.PriorSighting;
import gridwatch.drone.detect.DetectionSettings;
import gridwatch.drone.detect.GroundDetection;
import gridwatch.drone.detect.KnownObject;
import gridwatch.drone.detect.PhotoDetections;
import gridwatch.drone.detect.PhotoDetector;
import gridwatch.drone.detect.SightingMatcher;
import gridwatch.drone.georef.CameraPose;
import gridwatch.drone.georef.GroundPoint;
import gridwatch.drone.georef.GroundProjector;
import gridwatch.drone.metadata.CaptureTime;
import gridwatch.drone.patrol.Overlap;
import gridwatch.drone.patrol.PatrolYawCheck;
import gridwatch.drone.photo.AnalyzedPhoto;
import gridwatch.drone.photo.PhotoAnalyzer;
import gridwatch.drone.quality.PhotoWarning;
import gridwatch.gateway.ingest.drone.PatrolPhoto;
import gridwatch.gateway.ingest.drone.PhotoAnalysis;
import gridwatch.gateway.vision.VisionFactory;
import gridwatch.geo.earth.LatLon;
import gridwatch.geo.earth.Wgs84;
import gridwatch.geo.grid.CellMatch;
import gridwatch.geo.grid.GridCell;
import gridwatch.geo.grid.GridFileException;
import gridwatch.geo.grid.GridIndex;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The photo analysis the gateway plugs into drone ingest: each accepted photo is read (metadata, quality gates, pose),
 * a re-saved one has its yaw settled against the patrol's earlier photos over the same ground, the box's detector
 * searches it in tiles at the resolution each object group needs, every object is put on the ground and in its grid
 * cell, an object the patrol already saw in an overlapping photo is not reported again, and the photo is compared
 * object by object with the overlapping photos of the previous patrol over the same ground (appeared, vanished).
 * Each new object and each change is a one-shot finding with its ground location, grid cell, uncertainty, the photo's
 * capture time and a small crop as evidence (the stored photo referenced, not sent).
 *
 * <p>Threading: {@link #analyse} runs on the {@code drone-analysis} thread, one photo at a time, and blocks on disk,
 * decoding and inference (seconds per 12 MP photo on 2 cores). Ownership: this analysis owns its model (its own ONNX
 * Runtime session: a patrol's hundreds of tiles must not hold a camera's shared model for seconds) and its memory
 * ({@code analysis.db}); the drone ingest closes it after its worker stopped, and {@link #close} frees both.
 */
public final class DroneAnalysis implements PhotoAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(DroneAnalysis.class);
    /** Photos read again to settle one re-saved photo's yaw (each costs a metadata read; the check registers at most 3). */
    private static final int MAX_YAW_REFERENCES = 8;

    private final EdgeConfig cfg;
    private final PhotoAnalyzer analyzer;
    private final PhotoAnalyzer neighbours;
    private final @Nullable GridIndex grid;
    private final @Nullable YoloxDetector model;
    private final @Nullable ModelSpec spec;
    private final PatrolMemory memory;
    private final Map<String, DetectionSettings> perDrone = new HashMap<>();

    private DroneAnalysis(EdgeConfig cfg, PhotoAnalyzer analyzer, PhotoAnalyzer neighbours, @Nullable GridIndex grid,
                          @Nullable YoloxDetector model, @Nullable ModelSpec spec, PatrolMemory memory) {
        this.cfg = cfg;
        this.analyzer = analyzer;
        this.neighbours = neighbours;
        this.grid = grid;
        this.model = model;
        this.spec = spec;
        this.memory = memory;
    }

    /**
     * Reads the site's grid and loads the model (when {@code vision.model} is set); {@code directory} is the drone
     * store's, where {@code analysis.db} is kept. Returns the seam type so a caller names no drone class.
     *
     * @throws IOException when the grid file cannot be read or the directory made (the gateway does not start), as the
     *                     model that cannot be loaded does ({@link gridwatch.detectors.vision.ModelFile.ModelRefusedException})
     */
    public static PhotoAnalysis open(EdgeConfig cfg, Path directory) throws IOException, ConfigException {
        GridIndex grid;
        try {
            grid = DroneSite.grid(cfg);
        } catch (GridFileException e) {
            throw new IOException("drone.grid " + cfg.drone().grid() + " cannot be used: " + String.join("; ", e.problems()), e);
        }
        VisionConfigView v = VisionConfigView.of(cfg);
        YoloxDetector model = v.spec == null ? null : new YoloxDetector(v.spec);
        try {
            Files.createDirectories(directory);
            DroneAnalysis a = new DroneAnalysis(cfg, new PhotoAnalyzer(DroneSite.settings(cfg, true)), new PhotoAnalyzer(DroneSite.settings(cfg, false)),
                    grid, model, v.spec, new PatrolMemory(directory.resolve("analysis.db")));
            LOG.info("drone analysis: grid {}; detection {}; patrol-to-patrol change {}", grid == null ? "none (alerts carry the drone zone's cell)"
                            : grid.cells().size() + " cells", v.spec == null ? "off (no vision.model)" : "with " + v.spec.path().getFileName(),
                    v.spec != null && cfg.drone().change().enabled() ? "on" : "off");
            return a;
        } catch (IOException | ConfigException | RuntimeException | Error e) {
            if (model != null) {
                model.close();
            }
            throw e;
        }
    }

    /** The box's model spec, when it has one. */
    private record VisionConfigView(@Nullable ModelSpec spec) {
        static VisionConfigView of(EdgeConfig cfg) {
            var m = cfg.vision().model();
            return new VisionConfigView(m == null ? null : VisionFactory.modelSpec(m, Path.of(".")));
        }
    }

    @Override
    public List<Finding> analyse(PatrolPhoto p) throws Exception {
        memory.open();
        memory.forget(p.sha256());
        AnalyzedPhoto photo = settleYaw(p, analyzer.analyze(p.storedPath()));
        GroundProjector g = photo.projector();
        if (g == null) {
            LOG.info("drone photo {} ({}, patrol {}): no location ({}); not searched", p.originalName(), p.deviceId(), p.patrolId(),
                    codes(photo));
            return List.of();
        }
        Instant observed = Optional.ofNullable(photo.metadata().captured()).map(CaptureTime::utc).orElse(p.receivedAt());
        PhotoDetections found = detector(p.deviceId()).map(d -> {
            try {
                return d.detect(photo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).orElse(PhotoDetections.none("no detector (vision.model is not set)"));

        List<Finding> out = new ArrayList<>();
        List<KnownObject> known = memory.objects(p.deviceId(), p.patrolId());
        Map<Integer, KnownObject> again = SightingMatcher.match(found.found(), known);
        List<@Nullable String> keys = new ArrayList<>();
        String prefix = p.patrolId() + "/" + p.sha256().substring(0, 12) + "-";
        for (int i = 0; i < found.found().size(); i++) {
            GroundDetection d = found.found().get(i);
            GroundPoint at = d.ground();
            if (at == null) {
                keys.add(null);
                continue;
            }
            KnownObject k = again.get(i);
            String key = k != null ? k.key() : prefix + i;
            keys.add(key);
            if (k == null) {
                memory.object(key, p.deviceId(), p.patrolId(), d.group(), at.position(), at.uncertaintyM(), p.sha256());
                out.add(sighting(p, photo, d, at, key, observed));
            }
            memory.sighting(p.sha256(), key, d.group(), d.label(), d.score(), d.box(), at.position(), at.uncertaintyM());
        }
        int sightings = out.size();
        if (cfg.drone().change().enabled() && !found.searched().isEmpty()) {
            out.addAll(changes(p, photo, found, keys, observed));
        }
        List<LatLon> ring = g.footprint().ring();
        memory.photo(new PatrolMemory.Seen(p.sha256(), p.deviceId(), p.patrolId(), p.storedPath(), observed.toEpochMilli(), g.pose().yawDeg(),
                g.pose().yawTrust().name(), ring.stream().mapToDouble(LatLon::lat).min().orElseThrow(), ring.stream().mapToDouble(LatLon::lon).min().orElseThrow(),
                ring.stream().mapToDouble(LatLon::lat).max().orElseThrow(), ring.stream().mapToDouble(LatLon::lon).max().orElseThrow(),
                String.join(",", found.searched())));
        LOG.info("drone photo {} ({}, patrol {}): {} objects in {} tiles, {} new, {} seen before, {} changes{}{}", p.originalName(), p.deviceId(),
                p.patrolId(), found.found().size(), found.tiles(), sightings, again.size(), out.size() - sightings,
                photo.warnings().isEmpty() ? "" : "; warnings " + codes(photo), found.skipped().isEmpty() ? "" : "; " + String.join("; ", found.skipped()));
        return out;
    }

    /**
     * A re-saved photo's yaw, settled against photos over the same ground already analysed (design note §5): the
     * patrol's earlier ones, then earlier patrols' (the ground has not turned since), newest first, at most
     * {@value #MAX_YAW_REFERENCES}; {@link PatrolYawCheck} tries the most overlapping of them.
     */
    private AnalyzedPhoto settleYaw(PatrolPhoto p, AnalyzedPhoto photo) throws Exception {
        GroundProjector g = photo.projector();
        if (g == null || g.pose().yawTrust() != CameraPose.YawTrust.IN_DOUBT) {
            return photo;
        }
        double[] b = bounds(g);
        List<PatrolMemory.Seen> near = new ArrayList<>(memory.photosNear(p.deviceId(), p.patrolId(), true, b[0], b[1], b[2], b[3]));
        near.addAll(memory.photosNear(p.deviceId(), p.patrolId(), false, b[0], b[1], b[2], b[3]));
        List<AnalyzedPhoto> patrol = new ArrayList<>();
        for (PatrolMemory.Seen s : near.subList(0, Math.min(near.size(), MAX_YAW_REFERENCES))) {
            if (Files.isReadable(s.path())) {
                patrol.add(remembered(neighbours.analyze(s.path()), s.yawTrust()));
            }
        }
        if (patrol.isEmpty()) {
            return photo;
        }
        patrol.add(photo);
        return PatrolYawCheck.DEFAULT.judge(patrol).getLast();
    }

    private List<Finding> changes(PatrolPhoto p, AnalyzedPhoto photo, PhotoDetections found, List<@Nullable String> keys, Instant observed)
            throws Exception {
        DroneConfig.ChangeConfig c = cfg.drone().change();
        GroundProjector g = java.util.Objects.requireNonNull(photo.projector());
        double[] b = bounds(g);
        List<Candidate> earlier = new ArrayList<>();
        for (PatrolMemory.Seen s : memory.photosNear(p.deviceId(), p.patrolId(), false, b[0], b[1], b[2], b[3])) {
            if (s.capturedMs() >= observed.toEpochMilli() || !Files.isReadable(s.path())) {
                continue;   // only a patrol flown before this photo is "the previous" one
            }
            AnalyzedPhoto q = remembered(neighbours.analyze(s.path()), s.yawTrust());
            GroundProjector qg = q.projector();
            if (qg != null) {
                double overlap = Overlap.of(g.footprint(), qg.footprint());
                if (overlap >= c.minOverlap()) {
                    earlier.add(new Candidate(s, q, overlap));
                }
            }
        }
        if (earlier.isEmpty()) {
            return List.of();
        }
        // The previous patrol: the one whose overlapping photo was taken last before this one.
        PatrolMemory.Seen newest = earlier.stream().max(Comparator.comparingLong(x -> x.seen().capturedMs())).orElseThrow().seen();
        List<Candidate> pairs = earlier.stream().filter(x -> x.seen().deviceId().equals(newest.deviceId()) && x.seen().patrolId().equals(newest.patrolId()))
                .sorted(Comparator.comparingDouble(Candidate::overlap).reversed()).limit(c.maxPairs()).toList();
        Map<String, Double> sizes = cfg.drone().detection().objects().stream().collect(Collectors.toMap(DroneConfig.ObjectGroupConfig::id,
                DroneConfig.ObjectGroupConfig::sizeM));
        PatrolComparer comparer = PatrolComparer.of(c.toleranceM(), sizes);
        List<KnownObject> current = memory.objects(p.deviceId(), p.patrolId());
        List<Finding> out = new ArrayList<>();
        for (Candidate q : pairs) {
            Set<String> groups = new HashSet<>(found.searched());
            groups.retainAll(Set.of(q.seen().searched().split(",")));
            if (groups.isEmpty()) {
                continue;
            }
            Comparison cmp = comparer.compare(photo, found.found(), groups, q.photo(), memory.sightings(q.seen().sha256()));
            LOG.debug("drone photo {} vs {} of patrol {}: {}; appeared {}, vanished {}", p.originalName(), q.seen().path().getFileName(),
                    q.seen().patrolId(), cmp.note(), cmp.appeared().size(), cmp.vanished().size());
            for (int i : cmp.present()) {
                String key = keys.get(i);
                if (key != null) {
                    memory.verdict(p.patrolId(), key, "present", p.sha256());
                }
            }
            for (int i : cmp.appeared()) {
                String key = keys.get(i);
                GroundDetection d = found.found().get(i);
                GroundPoint at = d.ground();
                if (key != null && at != null && memory.verdict(p.patrolId(), key, "appeared", p.sha256())) {
                    out.add(appeared(p, photo, d, at, key, q, cmp, observed));
                }
            }
            for (PriorSighting s : cmp.compared()) {
                boolean stillHere = current.stream().anyMatch(k -> k.group().equals(s.group())
                        && Wgs84.distanceM(k.position(), s.position()) <= Math.hypot(k.uncertaintyM(), s.uncertaintyM()));
                if (!cmp.vanished().contains(s) || stillHere) {
                    memory.verdict(p.patrolId(), s.key(), "present", p.sha256());
                } else if (memory.verdict(p.patrolId(), s.key(), "vanished", p.sha256())) {
                    out.add(vanished(p, photo, s, q, cmp, observed));
                }
            }
        }
        return out;
    }

    private Finding sighting(PatrolPhoto p, AnalyzedPhoto photo, GroundDetection d, GroundPoint at, String key, Instant observed) throws Exception {
        DroneConfig.ObjectGroupConfig grp = group(d.group());
        GroundLocation where = located(at.position(), at.uncertaintyM());
        String summary = String.format(Locale.ROOT, "patrol %s, %s: %s (%s %.2f) at %.6f,%.6f ±%.0f m%s%s", p.patrolId(), p.originalName(), grp.id(),
                d.label(), d.score(), where.lat(), where.lon(), where.uncertaintyM(), cellText(where), warningText(photo));
        return new Finding("drone-" + grp.id(), grp.alertType(), Subject.object(p.deviceId(), null, key, where), true, Severity.fromWire(grp.severity()),
                observed, summary, List.of(new Measurement("score", d.score(), "score"), new Measurement("gsd", round(gsd(photo)), "cm/px")),
                List.of(crop(p.storedPath(), p.sha256(), d.box(), photo)), oneShot());
    }

    private Finding appeared(PatrolPhoto p, AnalyzedPhoto photo, GroundDetection d, GroundPoint at, String key, Candidate q, Comparison cmp,
                             Instant observed) throws Exception {
        GroundLocation where = located(at.position(), at.uncertaintyM());
        String summary = String.format(Locale.ROOT, "patrol %s, %s: %s (%s %.2f) at %.6f,%.6f ±%.0f m%s was not there in patrol %s (%s; %s)",
                p.patrolId(), p.originalName(), d.group(), d.label(), d.score(), where.lat(), where.lon(), where.uncertaintyM(), cellText(where),
                q.seen().patrolId(), q.seen().path().getFileName(), cmp.method().name().toLowerCase(Locale.ROOT));
        List<Evidence> evidence = new ArrayList<>();
        cropAt(q.photo(), q.seen().sha256(), at.position(), d.box(), photo).ifPresent(evidence::add);
        evidence.add(crop(p.storedPath(), p.sha256(), d.box(), photo));
        return new Finding("drone-change", cfg.drone().change().appearedAlertType(), Subject.object(p.deviceId(), null, key + "#appeared", where),
                true, Severity.fromWire(group(d.group()).severity()), observed, summary, List.of(new Measurement("score", d.score(), "score")),
                evidence, oneShot());
    }

    private Finding vanished(PatrolPhoto p, AnalyzedPhoto photo, PriorSighting s, Candidate q, Comparison cmp, Instant observed) throws Exception {
        GroundLocation where = located(s.position(), s.uncertaintyM());
        String summary = String.format(Locale.ROOT, "patrol %s, %s: %s (%s) seen in patrol %s (%s) at %.6f,%.6f ±%.0f m%s is gone (%s)",
                p.patrolId(), p.originalName(), s.group(), s.label(), q.seen().patrolId(), q.seen().path().getFileName(), where.lat(), where.lon(),
                where.uncertaintyM(), cellText(where), cmp.method().name().toLowerCase(Locale.ROOT));
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(crop(q.seen().path(), q.seen().sha256(), s.box(), q.photo()));
        cropAt(photo, p.sha256(), s.position(), s.box(), q.photo()).ifPresent(evidence::add);
        return new Finding("drone-change", cfg.drone().change().vanishedAlertType(), Subject.object(p.deviceId(), null, s.key() + "#vanished", where),
                true, Severity.fromWire(group(s.group()).severity()), observed, summary, List.of(), evidence, oneShot());
    }

    /** A photo of an earlier patrol over the same ground, read again with its yaw as judged, and how much it overlaps. */
    private record Candidate(PatrolMemory.Seen seen, AnalyzedPhoto photo, double overlap) {
    }

    private Evidence crop(Path file, String sha, Box box, AnalyzedPhoto photo) throws Exception {
        return Crops.of(file, sha, box, photo.metadata().size().width(), photo.metadata().size().height());
    }

    /** The crop of {@code photo} where a ground point appears, as large as {@code box} was in {@code seenIn}; empty when it is not in the photo. */
    private Optional<Evidence> cropAt(AnalyzedPhoto photo, String sha, LatLon at, Box box, AnalyzedPhoto seenIn) throws Exception {
        GroundProjector g = photo.projector();
        if (g == null) {
            return Optional.empty();
        }
        Optional<double[]> uv = g.toImage(at);
        int w = photo.metadata().size().width();
        int h = photo.metadata().size().height();
        if (uv.isEmpty() || uv.get()[0] < 0 || uv.get()[1] < 0 || uv.get()[0] > w || uv.get()[1] > h) {
            return Optional.empty();
        }
        double k = gsd(seenIn) / gsd(photo);
        float hw = (float) (box.width() * k / 2);
        float hh = (float) (box.height() * k / 2);
        float u = (float) uv.get()[0];
        float v = (float) uv.get()[1];
        return Optional.of(Crops.of(photo.file(), sha, new Box(u - hw, v - hh, u + hw, v + hh).clip(w, h), w, h));
    }

    private GroundLocation located(LatLon at, double r) {
        GroundLocation.GroundCell cell = null;
        if (grid != null) {
            CellMatch m = grid.locate(at, r);
            GridCell in = m.cell();
            if (in != null) {
                cell = new GroundLocation.GroundCell(in.code(), in.name(), m.nearBoundary(),
                        m.neighbours().stream().map(n -> new GroundLocation.CellRef(n.code(), n.name())).toList());
            }
        }
        return new GroundLocation(at.lat(), at.lon(), Math.round(r * 10) / 10.0, cell);
    }

    private Optional<PhotoDetector> detector(String deviceId) {
        YoloxDetector m = model;
        ModelSpec s = spec;
        if (m == null || s == null) {
            return Optional.empty();
        }
        DetectionSettings ds = perDrone.computeIfAbsent(deviceId, id -> {
            List<String> only = cfg.device(id).map(d -> d.connection() instanceof DroneConnection dc ? dc.detect() : null).orElse(null);
            return DroneSite.detection(cfg.drone().detection(), only, s.classes(), s.nmsIou());
        });
        return Optional.of(new PhotoDetector(m, s.inputSize(), ds));
    }

    private DroneConfig.ObjectGroupConfig group(String id) {
        return cfg.drone().detection().object(id).orElseThrow(() -> new IllegalStateException("no object group " + id));
    }

    private Lifetime oneShot() {
        return new Lifetime.OneShot(Duration.ofMinutes(cfg.drone().detection().ttlMinutes()));
    }

    /** A remembered photo's yaw as its patrol judged it (re-reading the file alone would leave a re-saved photo in doubt). */
    private static AnalyzedPhoto remembered(AnalyzedPhoto read, String trust) {
        GroundProjector g = read.projector();
        CameraPose.YawTrust t = CameraPose.YawTrust.valueOf(trust);
        if (g == null || g.pose().yawTrust() == t || t == CameraPose.YawTrust.AS_RECORDED || t == CameraPose.YawTrust.IN_DOUBT) {
            return read;
        }
        return new AnalyzedPhoto(read.metadata(), read.intrinsics(), g.withPose(g.pose().judged(t)), read.frame(),
                read.warnings().stream().filter(w -> !(w instanceof PhotoWarning.YawUnverified)).toList());
    }

    private static double[] bounds(GroundProjector g) {
        List<LatLon> ring = g.footprint().ring();
        return new double[] {ring.stream().mapToDouble(LatLon::lat).min().orElseThrow(), ring.stream().mapToDouble(LatLon::lon).min().orElseThrow(),
                ring.stream().mapToDouble(LatLon::lat).max().orElseThrow(), ring.stream().mapToDouble(LatLon::lon).max().orElseThrow()};
    }

    private static double gsd(AnalyzedPhoto p) {
        GroundProjector g = p.projector();
        return g == null ? Double.NaN : g.gsdCm();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String cellText(GroundLocation where) {
        GroundLocation.GroundCell c = where.gridCell();
        return c == null ? "" : ", cell " + c.code() + (c.name() == null ? "" : " " + c.name()) + (c.nearBoundary() ? " (near its boundary)" : "");
    }

    private static String warningText(AnalyzedPhoto photo) {
        return photo.warnings().isEmpty() ? "" : "; photo warnings: " + codes(photo);
    }

    private static String codes(AnalyzedPhoto photo) {
        return photo.warnings().stream().map(PhotoWarning::code).collect(Collectors.joining(" "));
    }

    /** Frees the model and closes the memory; on the thread that closes the drone ingest, after its worker stopped. */
    @Override
    public void close() {
        try {
            memory.close();
        } finally {
            if (model != null) {
                model.close();
            }
        }
    }
}
