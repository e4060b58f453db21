package gridwatch.detectors.vision.scene;

import org.jspecify.annotations.Nullable;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.vision.ClosedException;
import gridwatch.detectors.vision.Detection;
import gridwatch.detectors.vision.ObjectDetector;
import gridwatch.detectors.vision.UseGuard;
import gridwatch.detectors.vision.density.DensitySampler;
import gridwatch.detectors.vision.density.DensityView;
import gridwatch.detectors.vision.motion.MotionGate;
import gridwatch.detectors.vision.snapshot.Annotator;
import gridwatch.detectors.vision.snapshot.LazyJpeg;
import gridwatch.detectors.vision.snapshot.Region;
import gridwatch.detectors.vision.track.IouTracker;
import gridwatch.detectors.vision.track.Track;
import gridwatch.detectors.vision.track.ZoneDwell;
import gridwatch.detectors.vision.zone.CountingLine;
import gridwatch.detectors.vision.zone.ImageZone;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * One camera's analysis chain, a small pipeline in the Netty spirit: motion gate → detector →
 * tracker → scene rules → findings, each finding carrying the annotated snapshot of the frame
 * it was made on, as deferred evidence: the frame is sketched (scaled and copied to the heap) here, and
 * drawn and encoded only if an alert carrying it is sent ({@link #snapshotsRendered()}). When the gate finds nothing moving, the last detections stand in for the
 * frame (nothing moved, so nothing changed) and the rules still see time pass.
 *
 * <p>A camera that counts by density has a {@link DensitySampler}: every frame is offered to it (it
 * starts an estimate when one is due, off this thread) and the rules see its latest reading beside the
 * tracks; snapshots of rules that count people by it show the density map as a heat overlay.
 *
 * <p>Ownership: the analyzer takes over the motion gate, the rules and the density sampler it is given
 * and frees their native memory in {@link #close()}; the annotator, tracker and sampler hold none. The detector is
 * borrowed (one model serves every camera) and stays open. The frame passed to
 * {@link #analyse} stays the caller's. {@link #analyse} runs on one thread at a time (the
 * camera's analysis thread); {@link #close()} may come from another (a shutdown) and then waits,
 * up to {@value #CLOSE_WAIT_SECONDS} s, for the frame in hand: the gate and rules are freed only
 * once no frame is being analysed (by the analysis thread itself when it outlasts the wait), and
 * later frames are refused with a {@link ClosedException}.
 */
public final class SceneAnalyzer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SceneAnalyzer.class);
    private static final long CLOSE_WAIT_SECONDS = 10;

    /**
     * What one analysed frame produced; {@code inferred} is false when the motion gate skipped the model;
     * {@code density} is the reading the rules saw, or null.
     */
    public record Result(Instant at, boolean inferred, List<Detection> detections, List<Track> tracks,
                         List<Finding> findings, List<String> ruleStates, Map<String, ZoneDwell.ZoneState> zoneStates,
                         Map<String, int[]> lineCrossings, @Nullable DensityView density) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ISO_INSTANT;

    private final String deviceId;
    private final ObjectDetector detector;
    private final @Nullable MotionGate gate;
    private final IouTracker tracker;
    private final List<SceneRule> rules;
    private final List<ImageZone> zones;
    private final List<CountingLine> lines;
    private final Annotator annotator;
    private final ZoneDwell dwell;
    private final UseGuard guard;
    private final @Nullable DensitySampler density;
    /** A fresh snapshot at most this often while an incident goes on; starts and ends always get their own. */
    private static final Duration SNAPSHOT_EVERY = Duration.ofSeconds(1);

    private List<Detection> last = List.of();
    private final Set<String> activeRules = new HashSet<>();
    private @Nullable LazyJpeg snapshot;
    private @Nullable Instant snapshotAt;
    private final LongAdder rendered = new LongAdder();
    /** Written by the analysis thread only; volatile for /health and tests on other threads. */
    private volatile long frames;
    private volatile long inferences;

    /** @param gate null to run the detector on every analysed frame */
    public SceneAnalyzer(String deviceId, ObjectDetector detector, @Nullable MotionGate gate, IouTracker tracker, List<SceneRule> rules,
                         List<ImageZone> zones, List<CountingLine> lines, Annotator annotator) {
        this(deviceId, detector, gate, tracker, rules, zones, lines, annotator, null);
    }

    /**
     * @param gate    null to run the detector on every analysed frame
     * @param density null when the camera does not count by density
     */
    public SceneAnalyzer(String deviceId, ObjectDetector detector, @Nullable MotionGate gate, IouTracker tracker, List<SceneRule> rules,
                         List<ImageZone> zones, List<CountingLine> lines, Annotator annotator, @Nullable DensitySampler density) {
        this.density = density;
        this.deviceId = deviceId;
        this.detector = detector;
        this.gate = gate;
        this.tracker = tracker;
        this.rules = List.copyOf(rules);
        this.zones = List.copyOf(zones);
        this.lines = List.copyOf(lines);
        this.annotator = annotator;
        this.dwell = new ZoneDwell(zones, lines);
        this.guard = new UseGuard("analysis of camera " + deviceId, this::free);
    }

    /** @throws ClosedException after {@link #close()}, or when the shared model has been closed */
    public Result analyse(Mat frame, Instant at) {
        return guard.use(() -> analyseGuarded(frame, at));
    }

    private Result analyseGuarded(Mat frame, Instant at) {
        frames++;
        boolean infer = gate == null || gate.pass(frame, at);
        if (infer) {
            last = detector.detect(frame);
            inferences++;
        }
        List<Track> tracks = tracker.update(last, at);
        DensityView dv = null;
        if (density != null) {
            density.offer(frame, at);
            dv = density.view(at);
        }
        SceneFrame scene = new SceneFrame(deviceId, at, frame.cols(), frame.rows(), tracks, frame, dv);
        Map<String, ZoneDwell.ZoneState> zoneStates = dwell.update(tracks, at, frame.cols(), frame.rows());
        List<Finding> found = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (SceneRule r : rules) {
            r.evaluate(scene).ifPresent(found::add);
            states.add(r.state());
        }
        if (!found.isEmpty()) {
            boolean transition = false;
            for (Finding f : found) {
                transition |= f.active() ? activeRules.add(f.ruleId()) : activeRules.remove(f.ruleId());
            }
            // Sketching costs a resize and a copy, rendering (on send only) a third of an inference:
            // while an incident merely goes on, reuse the last sketch if it is under a second old.
            if (transition || snapshot == null || Duration.between(snapshotAt, at).compareTo(SNAPSHOT_EVERY) >= 0) {
                List<String> header = new ArrayList<>();
                header.add(deviceId + "  " + STAMP.format(at));
                for (Finding f : found) {
                    header.add((f.active() ? "" : "[ended] ") + ascii(f.summary()));
                }
                List<Region> regions = new ArrayList<>();
                boolean heat = false;
                for (SceneRule r : rules) {
                    regions.addAll(r.regions());
                    heat |= r.showsDensity() && found.stream().anyMatch(f -> f.ruleId().equals(r.ruleId()));
                }
                snapshot = new LazyJpeg("snapshot", annotator.sketch(frame, zones, lines, tracks, regions, header,
                        heat && dv != null ? dv.reading().map() : null), rendered);
                snapshotAt = at;
            }
            List<Finding> withSnapshot = new ArrayList<>(found.size());
            for (Finding f : found) {
                withSnapshot.add(f.withDeferred(snapshot));
            }
            found = withSnapshot;
        }
        return new Result(at, infer, last, tracks, found, states, zoneStates, dwell.crossings(), dv);
    }

    /** OpenCV's Hershey fonts draw ASCII only. */
    private static String ascii(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }

    public List<ImageZone> zones() {
        return zones;
    }

    public List<CountingLine> lines() {
        return lines;
    }

    public Annotator annotator() {
        return annotator;
    }

    /** The camera's density sampler, or null when it does not count by density. */
    public @Nullable DensitySampler density() {
        return density;
    }

    /** Snapshots drawn and encoded so far: only those of alerts actually sent. Any thread. */
    public long snapshotsRendered() {
        return rendered.sum();
    }

    public long frames() {
        return frames;
    }

    /** Frames the model ran on to the end (a refused or failed inference does not count). */
    public long inferences() {
        return inferences;
    }

    /** Refuses further frames, waits for the one in hand (bounded) and frees the gate and rules. Any thread. */
    @Override
    public void close() {
        guard.close(Duration.ofSeconds(CLOSE_WAIT_SECONDS));
    }

    /** Runs once, when no frame is being analysed. Each part is freed even if another fails. */
    private void free() {
        List<AutoCloseable> owned = new ArrayList<>(rules);
        if (gate != null) {
            owned.add(gate);
        }
        if (density != null) {
            owned.add(density);
        }
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("camera {}: closing {} failed: {}", deviceId, c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
