package gridwatch.detectors.vision.garbage;

import org.jspecify.annotations.Nullable;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Subject;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.hold.Hold;
import gridwatch.detectors.hold.HoldClear;
import gridwatch.detectors.hold.Transition;
import gridwatch.detectors.vision.Box;
import gridwatch.detectors.vision.scene.SceneFrame;
import gridwatch.detectors.vision.scene.ZoneRule;
import gridwatch.detectors.vision.snapshot.Region;
import gridwatch.detectors.vision.track.Track;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * See {@link GarbagePileSpec}. How it works, on the frame shrunk to {@value #WIDTH} px wide and
 * blurred: a clean background is averaged over the learning period from the pixels no tracked
 * person or vehicle covered (a pixel never uncovered then is learnt when it first is); afterwards a pixel is
 * <i>changed</i> when it differs from the background by more than the threshold. Each changed
 * pixel in the zone ages by the time since the last frame and drops to zero when it matches again;
 * under a tracked person or vehicle (box grown by 10 %) age neither grows nor resets, so passers-by
 * neither make a pile nor hide one. Pixels older than {@code persistSeconds} are the pile.
 * <p>The background keeps learning, but only where nothing changed (weight 0.02 per frame), so
 * slow light changes are absorbed while a pile is not; at 1/200 of that weight it also creeps into
 * changed pixels, so a scene that changed for good (a new kiosk) is eventually accepted — after
 * many hours, far longer than any persistence an operator would set.
 * <p>Native memory: two working images ({@code small}, {@code smallF}), reused every frame and
 * freed by {@link #close()}; the background, ages and masks are Java arrays.
 */
public final class GarbagePileRule extends ZoneRule<GarbagePileSpec> {

    static final int WIDTH = 320;
    private static final double LEARN = 0.02;
    private static final double CREEP = LEARN / 200;

    private final Mat small = new Mat();
    private final Mat smallF = new Mat();
    // Per-pixel state at the shrunk size, (re)allocated on the first frame of each size: empty until then.
    private float[] background = new float[0];
    private int[] seen = new int[0];
    private float[] age = new float[0];
    private boolean[] inZone = new boolean[0];
    private int zonePixels;
    private int width;
    private int height;
    // Set with the per-pixel state on the first frame (which never sees these values).
    private Instant started = Instant.EPOCH;
    private Instant last = Instant.EPOCH;
    /** Starts at once (the pixels' own age is the persistence hold); ends after clearSeconds under half the threshold. */
    private final HoldClear hold;
    private double share;
    private @Nullable Box region;

    public GarbagePileRule(GarbagePileSpec spec) {
        super(spec);
        this.hold = new HoldClear(Hold.ofSeconds(0, spec.clearSeconds()));
    }

    @Override
    public Optional<Finding> evaluate(SceneFrame f) {
        float[] now = shrink(f.image());
        if (background.length != now.length) {
            started = f.at();
            last = f.at();
            background = new float[now.length];
            seen = new int[width * height];
            masks();
        }
        double dt = Math.max(0, Duration.between(last, f.at()).toMillis() / 1000.0);
        last = f.at();
        boolean learning = Duration.between(started, f.at()).toMillis() / 1000.0 < spec.learnSeconds();
        boolean[] hidden = hiddenByTracks(f);
        boolean[] changed = new boolean[width * height];
        for (int i = 0; i < changed.length; i++) {
            if (hidden[i]) {
                continue; // a passer-by is neither background nor change
            }
            int p = 3 * i;
            if (seen[i] == 0 || learning) {
                // The clean scene: a per-pixel mean of the frames in which nothing tracked stood there.
                seen[i]++;
                for (int c = 0; c < 3; c++) {
                    background[p + c] += (now[p + c] - background[p + c]) / seen[i];
                }
                continue;
            }
            double d = 0.114 * Math.abs(now[p] - background[p]) + 0.587 * Math.abs(now[p + 1] - background[p + 1])
                    + 0.299 * Math.abs(now[p + 2] - background[p + 2]);
            changed[i] = d > spec.diffThreshold();
        }
        if (learning) {
            return Optional.empty();
        }
        changed = open(changed);
        int persistent = 0;
        int minX = width, minY = height, maxX = -1, maxY = -1;
        for (int i = 0; i < changed.length; i++) {
            if (!inZone[i]) {
                continue;
            }
            if (hidden[i]) {
                // a tracked object stands here: the pixel's age waits
            } else if (changed[i]) {
                // Age counts from the first frame the change was seen, not from the frame before.
                age[i] = age[i] == 0 ? Float.MIN_NORMAL : age[i] + (float) dt;
            } else {
                age[i] = 0;
            }
            if (age[i] >= spec.persistSeconds()) {
                persistent++;
                int x = i % width, y = i / width;
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
            }
        }
        double sx = (double) f.width() / width, sy = (double) f.height() / height;
        share = zonePixels == 0 ? 0 : (double) persistent / zonePixels;
        region = persistent == 0 ? null : new Box((float) (minX * sx), (float) (minY * sy), (float) ((maxX + 1) * sx), (float) ((maxY + 1) * sy));
        share = Math.max(share, modelDetections(f));
        updateBackground(now, changed, hidden);
        return decide(f);
    }

    /** A site model's garbage detections in the zone: their box area as a share of the zone. */
    private double modelDetections(SceneFrame f) {
        if (spec.garbageLabels().isEmpty()) {
            return 0;
        }
        double zoneArea = spec.zone().polygon().area() * f.width() * f.height();
        double found = 0;
        for (Track t : f.tracks()) {
            if (spec.garbageLabels().contains(t.label()) && spec.zone().contains(t.box(), f.width(), f.height())) {
                found += t.box().area();
                region = region == null ? t.box() : union(region, t.box());
            }
        }
        return zoneArea == 0 ? 0 : found / zoneArea;
    }

    private Optional<Finding> decide(SceneFrame f) {
        // Value hysteresis: starts at the threshold, counts as clear only under half of it.
        boolean over = share >= (hold.active() ? spec.minAreaShare() / 2 : spec.minAreaShare());
        return switch (hold.step(over, spec.severity(), f.at())) {
            case Transition.Quiet q -> Optional.empty();
            case Transition.Cleared c -> Optional.of(finding(f, false));
            case Transition.Started st -> Optional.of(finding(f, true));
            case Transition.Continues c -> Optional.of(finding(f, true));
        };
    }

    private Finding finding(SceneFrame f, boolean on) {
        List<Measurement> m = new ArrayList<>(List.of(
                new Measurement("areaShareOfZone", Math.round(share * 10000) / 10000.0, "ratio"),
                new Measurement("threshold", spec.minAreaShare(), "ratio"),
                new Measurement("persistSeconds", spec.persistSeconds(), "s")));
        if (spec.zone().areaM2() != null) {
            m.add(new Measurement("areaM2", Math.round(share * spec.zone().areaM2() * 10) / 10.0, "m2"));
        }
        String summary = on
                ? String.format(Locale.ROOT, "pile in no-dumping zone %s: %.1f %% of the zone%s, there over %d min", spec.zone().id(),
                share * 100, spec.zone().areaM2() == null ? "" : String.format(Locale.ROOT, " (about %.1f m2)", share * spec.zone().areaM2()),
                Math.round(spec.persistSeconds() / 60))
                : "no-dumping zone " + spec.zone().id() + " clear again";
        return new Finding(spec.ruleId(), spec.alertType(), Subject.of(f.deviceId(), spec.zone().zoneId()), on, spec.severity(), f.at(), summary, m, List.of());
    }

    @Override
    public List<Region> regions() {
        return hold.active() && region != null ? List.of(new Region(String.format(Locale.ROOT, "pile %.1f%%", share * 100), region)) : List.of();
    }

    private float[] shrink(Mat image) {
        height = Math.max(1, image.rows() * WIDTH / image.cols());
        width = WIDTH;
        try (Size size = new Size(width, height); Size k = new Size(5, 5)) {
            opencv_imgproc.resize(image, small, size, 0, 0, opencv_imgproc.INTER_AREA);
            opencv_imgproc.GaussianBlur(small, small, k, 0);
        }
        small.convertTo(smallF, opencv_core.CV_32F);
        float[] px = new float[width * height * 3];
        try (FloatPointer data = new FloatPointer(smallF.data())) {
            data.get(px); // a fresh Mat is one continuous block
        }
        return px;
    }

    private void masks() {
        age = new float[width * height];
        inZone = new boolean[width * height];
        zonePixels = 0;
        NormalizedPolygon p = spec.zone().polygon();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double nx = (x + 0.5) / width, ny = (y + 0.5) / height;
                boolean in = p.contains(nx, ny) && spec.zone().exclude().stream().noneMatch(e -> e.contains(nx, ny));
                inZone[y * width + x] = in;
                zonePixels += in ? 1 : 0;
            }
        }
    }

    private boolean[] hiddenByTracks(SceneFrame f) {
        boolean[] hidden = new boolean[width * height];
        double sx = (double) width / f.width(), sy = (double) height / f.height();
        for (Track t : f.tracks()) {
            if (spec.garbageLabels().contains(t.label())) {
                continue;
            }
            Box b = t.box();
            float gx = b.width() * 0.1f, gy = b.height() * 0.1f;
            int x1 = (int) Math.max(0, (b.x1() - gx) * sx), x2 = (int) Math.min(width - 1, (b.x2() + gx) * sx);
            int y1 = (int) Math.max(0, (b.y1() - gy) * sy), y2 = (int) Math.min(height - 1, (b.y2() + gy) * sy);
            for (int y = y1; y <= y2; y++) {
                for (int x = x1; x <= x2; x++) {
                    hidden[y * width + x] = true;
                }
            }
        }
        return hidden;
    }

    /** Morphological opening (3×3 erode then dilate): single noisy pixels are not a pile. */
    private boolean[] open(boolean[] in) {
        boolean[] eroded = new boolean[in.length];
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                boolean all = true;
                for (int dy = -1; dy <= 1 && all; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if (!in[(y + dy) * width + x + dx]) {
                            all = false;
                            break;
                        }
                    }
                }
                eroded[y * width + x] = all;
            }
        }
        boolean[] out = new boolean[in.length];
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                if (eroded[y * width + x]) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            out[(y + dy) * width + x + dx] = true;
                        }
                    }
                }
            }
        }
        return out;
    }

    private void updateBackground(float[] now, boolean[] changed, boolean[] hidden) {
        for (int i = 0; i < changed.length; i++) {
            if (hidden[i]) {
                continue; // never learn a passer-by into the clean scene
            }
            double w = changed[i] ? CREEP : LEARN;
            int p = 3 * i;
            for (int c = 0; c < 3; c++) {
                background[p + c] += (float) (w * (now[p + c] - background[p + c]));
            }
        }
    }

    private static Box union(Box a, Box b) {
        return new Box(Math.min(a.x1(), b.x1()), Math.min(a.y1(), b.y1()), Math.max(a.x2(), b.x2()), Math.max(a.y2(), b.y2()));
    }

    @Override
    public void close() {
        small.close();
        smallF.close();
    }

    @Override
    public String state() {
        return String.format(Locale.ROOT, "no-dumping %s: persistent change %.2f %% of zone%s", spec.zone().id(), share * 100, hold.active() ? ", ACTIVE" : "");
    }
}
