package gridwatch.detectors.vision.muck;

import org.jspecify.annotations.Nullable;

import gridwatch.detectors.core.DeferredEvidence;
import gridwatch.detectors.core.Lifetime;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Subject;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.hold.Hold;
import gridwatch.detectors.hold.HoldClear;
import gridwatch.detectors.hold.Transition;
import gridwatch.detectors.vision.scene.SceneFrame;
import gridwatch.detectors.vision.scene.SceneRule;
import gridwatch.detectors.vision.snapshot.Annotator;
import gridwatch.detectors.vision.snapshot.LazyJpeg;
import gridwatch.detectors.vision.track.Track;
import gridwatch.detectors.vision.zone.CountingLine;
import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import org.bytedeco.opencv.opencv_core.Mat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * See {@link MuckTruckSpec}. While a truck is in view its lower box is scored on every analysed
 * frame (the score is the median of the samples, so one frame of shadow or glare does not decide),
 * and the frame in which it looked biggest is kept as the best view. When it crosses the exit
 * line leaving the site, it is counted; if the median score reaches the threshold, the best view,
 * annotated with its score, becomes the alert's {@code best-view} evidence.
 * <p>Native memory: one full-frame clone per truck in sight (its best view), freed when a bigger
 * view replaces it, when the truck leaves or is forgotten, and by {@link #close()} for the trucks
 * still in sight.
 */
public final class MuckTruckRule implements SceneRule {

    /** A truck not seen for this long has left the picture without crossing: forget it. */
    private static final Duration FORGET = Duration.ofSeconds(30);

    private static final class Seen {
        final List<Double> scores = new ArrayList<>();
        MudScore.@Nullable Sample last;
        @Nullable Mat bestView;
        @Nullable Track bestTrack;
        float bestArea;
        Instant lastSeen;

        Seen(Instant firstSeen) {
            this.lastSeen = firstSeen;
        }
    }

    private final MuckTruckSpec spec;
    private final ImageZone zone;
    private final Annotator annotator = new Annotator(1280, 85);
    private final Map<Long, Seen> trucks = new HashMap<>();
    private int exits;
    private int unwashed;
    private @Nullable Instant lastUnwashed;
    private double lastScore;
    private @Nullable LazyJpeg lastBestView;
    private final LongAdder rendered = new LongAdder();
    /** No time hold: "an unwashed truck left within clearSeconds" is the condition, measured here. */
    private final HoldClear hold = new HoldClear(Hold.none());

    public MuckTruckRule(MuckTruckSpec spec) {
        this.spec = spec;
        CountingLine l = spec.exit();
        // The zone drawn on snapshots: a thin band around the exit line, tied to the line's grid cell.
        this.zone = new ImageZone(l.id(), l.zoneId(), band(l), List.of(), null);
    }

    @Override
    public String ruleId() {
        return spec.ruleId();
    }

    @Override
    public ImageZone zone() {
        return zone;
    }

    @Override
    public Optional<Finding> evaluate(SceneFrame f) {
        boolean newUnwashed = false;
        for (Track t : f.tracks()) {
            if (!spec.labels().contains(t.label()) || t.score() < spec.minScore()) {
                continue;
            }
            Seen s = trucks.computeIfAbsent(t.id(), id -> new Seen(f.at()));
            s.lastSeen = f.at();
            sample(s, t, f);
            CountingLine.Direction d = spec.exit().crossed(t.previous(), t.box(), f.width(), f.height());
            if (d == CountingLine.Direction.OUT) {
                exits++;
                double score = median(s.scores);
                if (score >= spec.mudThreshold()) {
                    unwashed++;
                    lastUnwashed = f.at();
                    lastScore = score;
                    lastBestView = bestView(s, score, f);
                    newUnwashed = true;
                }
                forget(trucks.remove(t.id()));
            }
        }
        for (Iterator<Seen> it = trucks.values().iterator(); it.hasNext(); ) {
            Seen s = it.next();
            if (Duration.between(s.lastSeen, f.at()).compareTo(FORGET) > 0) {
                forget(s);
                it.remove();
            }
        }
        boolean recent = newUnwashed
                || lastUnwashed != null && Duration.between(lastUnwashed, f.at()).toMillis() / 1000.0 < spec.clearSeconds();
        return switch (hold.step(recent, spec.severity(), f.at())) {
            case Transition.Quiet q -> Optional.empty();
            case Transition.Cleared c -> Optional.of(finding(f, false));
            case Transition.Started st -> Optional.of(finding(f, true));
            case Transition.Continues c -> Optional.of(finding(f, true));
        };
    }

    private void sample(Seen s, Track t, SceneFrame f) {
        MudScore.Sample m = MudScore.of(f.image(), t.box(), spec.mud());
        s.last = m;
        s.scores.add(m.score());
        if (s.scores.size() > spec.maxSamples()) {
            s.scores.removeFirst();
        }
        if (t.box().area() > s.bestArea) {
            s.bestArea = t.box().area();
            s.bestTrack = t;
            if (s.bestView != null) {
                s.bestView.close();
            }
            s.bestView = f.image().clone();
        }
    }

    /** Sketched now, while its Mat lives; drawn only if an alert carrying it is sent. */
    private @Nullable LazyJpeg bestView(Seen s, double score, SceneFrame f) {
        Mat view = s.bestView;
        Track track = s.bestTrack;
        if (view == null || track == null) {
            return null; // a score without a kept view cannot happen (both are taken from the same frame)
        }
        List<String> header = List.of(f.deviceId() + "  best view of truck #" + track.id(),
                String.format(Locale.ROOT, "mud score %.2f (threshold %.2f), median of %d frames", score, spec.mudThreshold(), s.scores.size()));
        return new LazyJpeg("best-view", annotator.sketch(view, List.of(zone), List.of(spec.exit()), List.of(track), List.of(), header),
                rendered);
    }

    private static void forget(@Nullable Seen s) {
        if (s != null && s.bestView != null) {
            s.bestView.close();
            s.bestView = null;
        }
    }

    private Finding finding(SceneFrame f, boolean on) {
        String summary = on
                ? String.format(Locale.ROOT, "unwashed truck left through %s (mud score %.2f >= %.2f); %d of %d exiting trucks unwashed",
                spec.exit().id(), lastScore, spec.mudThreshold(), unwashed, exits)
                : String.format(Locale.ROOT, "no unwashed truck through %s for %d s; %d of %d exiting trucks unwashed",
                spec.exit().id(), Math.round(spec.clearSeconds()), unwashed, exits);
        List<DeferredEvidence> evidence = lastBestView == null ? List.of() : List.of(lastBestView);
        return new Finding(spec.ruleId(), spec.alertType(), Subject.of(f.deviceId(), spec.exit().zoneId()), on, spec.severity(), f.at(), summary,
                List.of(new Measurement("mudScore", Math.round(lastScore * 100) / 100.0, "score"),
                        new Measurement("threshold", spec.mudThreshold(), "score"),
                        new Measurement("unwashedExits", unwashed, "trucks"),
                        new Measurement("exits", exits, "trucks")), List.of(), Lifetime.HELD, evidence);
    }

    private static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return 0;
        }
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    @Override
    public void close() {
        trucks.values().forEach(MuckTruckRule::forget);
        trucks.clear();
    }

    /** Exiting trucks counted, washed or not: the site's record. */
    public int exits() {
        return exits;
    }

    public int unwashedExits() {
        return unwashed;
    }

    @Override
    public String state() {
        return String.format(Locale.ROOT, "exit %s: %d trucks out, %d unwashed%s", spec.exit().id(), exits, unwashed, hold.active() ? ", ACTIVE" : "");
    }

    private static NormalizedPolygon band(CountingLine l) {
        double dx = l.bx() - l.ax();
        double dy = l.by() - l.ay();
        double len = Math.max(1e-6, Math.hypot(dx, dy));
        double nx = -dy / len * 0.01;
        double ny = dx / len * 0.01;
        return new NormalizedPolygon(List.of(
                clamp(l.ax() + nx, l.ay() + ny), clamp(l.bx() + nx, l.by() + ny),
                clamp(l.bx() - nx, l.by() - ny), clamp(l.ax() - nx, l.ay() - ny)));
    }

    private static double[] clamp(double x, double y) {
        return new double[] {Math.clamp(x, 0, 1), Math.clamp(y, 0, 1)};
    }
}
