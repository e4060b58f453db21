package gridwatch.drone.patrol;

import gridwatch.drone.georef.CameraPose;
import gridwatch.drone.georef.CameraPose.YawTrust;
import gridwatch.drone.georef.GroundProjector;
import gridwatch.drone.match.Features;
import gridwatch.drone.match.GreyImage;
import gridwatch.drone.match.PairRegistration;
import gridwatch.drone.match.Registrar;
import gridwatch.drone.photo.AnalyzedPhoto;
import gridwatch.drone.quality.PhotoWarning;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Settles the yaw of re-saved photos against their neighbours in the patrol (design note §5: an
 * editor turned the pixels 180° and kept the yaw; a footprint cannot show it, the image content
 * can). Each re-saved, located, near-nadir photo is registered image-to-image with the overlapping
 * photos whose yaw is trusted (untouched ones, then ones already settled), most overlap first. For
 * two nadir photos the image rotation from A to B is about ψ_A − ψ_B: within {@code toleranceDeg}
 * of that, the yaw is confirmed; within it of that + 180°, the pixels are turned and the photo is
 * located with yaw + 180° ({@link PhotoWarning.YawTurned180}); a registration that fails its check
 * or fits neither proves nothing and the next neighbour is tried. A photo no neighbour settles keeps
 * its yaw in doubt, with the reason.
 *
 * <p>Runs on the caller's thread and blocks while it decodes and matches (a few hundred ms per
 * pair on 2 cores). Every image it decodes is freed before it returns.
 *
 * @param registrar     the registration and its check
 * @param order         detectors to try, in order
 * @param toleranceDeg  how far the measured rotation may be from a prediction; 15° (design note §8)
 * @param minOverlap    footprint overlap (of the smaller) for two photos to be tried; 0.15
 * @param maxNeighbours neighbours tried per photo, most overlap first; 3
 */
public record PatrolYawCheck(Registrar registrar, List<Features> order, double toleranceDeg, double minOverlap, int maxNeighbours) {

    private static final Logger LOG = LoggerFactory.getLogger(PatrolYawCheck.class);
    /** Flatter photos are not compared: their homography's rotation is not the yaw difference. */
    private static final double MAX_PITCH_DEG = -60;

    public static final PatrolYawCheck DEFAULT = new PatrolYawCheck(Registrar.DEFAULT, List.of(Features.AKAZE_MLDB, Features.SIFT_128), 15, 0.15, 3);

    /** The patrol with each re-saved photo's yaw settled where a neighbour could; the others unchanged, in the same order. */
    public List<AnalyzedPhoto> judge(List<AnalyzedPhoto> patrol) {
        Map<AnalyzedPhoto, AnalyzedPhoto> settled = new LinkedHashMap<>();
        Map<AnalyzedPhoto, AnalyzedPhoto> unsettled = new HashMap<>();
        List<Located> pending = located(patrol).filter(p -> p.pose().yawTrust() == YawTrust.IN_DOUBT).toList();
        Images images = new Images();
        try {
            boolean progress = true;
            while (progress) {
                progress = false;
                for (Located p : pending) {
                    if (settled.containsKey(p.photo)) {
                        continue;
                    }
                    List<Located> references = located(patrol.stream().map(q -> settled.getOrDefault(q, q)).toList())
                            .filter(q -> q.photo != p.photo && q.pose().yawTrust() != YawTrust.IN_DOUBT)
                            .toList();
                    switch (settle(p, references, images)) {
                        case Verdict.Settled(AnalyzedPhoto judged) -> {
                            settled.put(p.photo, judged);
                            progress = true;
                        }
                        case Verdict.Unsettled(String reason) ->
                                unsettled.put(p.photo, withWarning(p.photo, p.projector, new PhotoWarning.YawUnverified(reason)));
                    }
                }
            }
        } finally {
            images.close();
        }
        return patrol.stream().map(p -> settled.getOrDefault(p, unsettled.getOrDefault(p, p))).toList();
    }

    /** What the neighbours said about one photo's yaw: the photo with its yaw settled, or why none could settle it. */
    private sealed interface Verdict {
        record Settled(AnalyzedPhoto photo) implements Verdict {
        }

        record Unsettled(String reason) implements Verdict {
        }
    }

    private Verdict settle(Located p, List<Located> references, Images images) {
        if (p.pose().pitchDeg() > MAX_PITCH_DEG) {
            return new Verdict.Unsettled("too oblique to compare image rotation with yaw");
        }
        List<Overlapping> candidates = references.stream()
                .filter(q -> q.pose().pitchDeg() <= MAX_PITCH_DEG)
                .map(q -> new Overlapping(q, Overlap.of(p.projector.footprint(), q.projector.footprint())))
                .filter(o -> o.overlap >= minOverlap)
                .sorted(Comparator.comparingDouble(Overlapping::overlap).reversed())
                .limit(maxNeighbours).toList();
        if (candidates.isEmpty()) {
            return new Verdict.Unsettled("no photo with a trusted yaw overlaps it");
        }
        List<String> tried = new ArrayList<>();
        for (Overlapping o : candidates) {
            Located q = o.neighbour;
            try {
                Registrar.Outcome outcome = registrar.register(images.get(p.photo), images.get(q.photo), expectedScale(p, q), order);
                PairRegistration r;
                switch (outcome) {
                    case Registrar.Outcome.Registered registered -> r = registered.registration();
                    case Registrar.Outcome.Failed(List<String> attempts) -> {
                        tried.add(q.name() + ": no registration (" + String.join("; ", attempts) + ")");
                        continue;
                    }
                }
                double predicted = CameraPose.normalize(p.pose().yawDeg() - q.pose().yawDeg());
                double asRecorded = angle(r.rotationDeg(), predicted);
                double turned = angle(r.rotationDeg(), predicted + 180);
                LOG.debug("{} -> {}: rotation {} (predicted {}), {} inliers by {}", p.name(), q.name(), r.rotationDeg(), predicted,
                        r.inliers().size(), r.features());
                if (asRecorded <= toleranceDeg) {
                    return new Verdict.Settled(withWarning(p.photo, p.projector.withPose(p.pose().judged(YawTrust.CONFIRMED)), null));
                }
                if (turned <= toleranceDeg) {
                    CameraPose turnedPose = p.pose().judged(YawTrust.TURNED_180);
                    return new Verdict.Settled(withWarning(p.photo, p.projector.withPose(turnedPose),
                            new PhotoWarning.YawTurned180(q.name(), r.rotationDeg(), predicted)));
                }
                tried.add(String.format(Locale.ROOT, "%s: rotation %.1f° fits neither %.1f° nor %.1f°", q.name(), r.rotationDeg(), predicted,
                        CameraPose.normalize(predicted + 180)));
            } catch (IOException e) {
                tried.add(q.name() + ": " + e.getMessage());
            }
        }
        return new Verdict.Unsettled(String.join("; ", tried));
    }

    /** What the heights and focal lengths predict for the scale from P's stored pixels to Q's. */
    private static double expectedScale(Located p, Located q) {
        GroundProjector a = p.projector;
        GroundProjector b = q.projector;
        return (b.camera().focalPx() / b.pose().heightM()) / (a.camera().focalPx() / a.pose().heightM());
    }

    private static double angle(double a, double b) {
        return Math.abs(CameraPose.normalize(a - b));
    }

    /** The photos that give a location, each with the projector that locates it, in order. */
    private static Stream<Located> located(List<AnalyzedPhoto> photos) {
        return photos.stream().flatMap(p -> {
            GroundProjector g = p.projector();
            return g == null ? Stream.empty() : Stream.of(new Located(p, g));
        });
    }

    /** The photo with its new projector, its doubt replaced by {@code verdict} (or just removed). */
    private static AnalyzedPhoto withWarning(AnalyzedPhoto p, GroundProjector projector, @Nullable PhotoWarning verdict) {
        List<PhotoWarning> w = new ArrayList<>(p.warnings().stream().filter(x -> !(x instanceof PhotoWarning.YawUnverified)).toList());
        if (verdict != null) {
            w.add(verdict);
        }
        return new AnalyzedPhoto(p.metadata(), p.intrinsics(), projector, p.frame(), w);
    }

    /** A photo that gives a location, and the projector that does: only these are compared. */
    private record Located(AnalyzedPhoto photo, GroundProjector projector) {
        CameraPose pose() {
            return projector.pose();
        }

        String name() {
            return photo.name();
        }
    }

    private record Overlapping(Located neighbour, double overlap) {
    }

    /** The grey images decoded during one judgement, each once; all freed at its end. */
    private static final class Images implements AutoCloseable {

        private final Map<AnalyzedPhoto, GreyImage> loaded = new HashMap<>();

        GreyImage get(AnalyzedPhoto p) throws IOException {
            GreyImage g = loaded.get(p);
            if (g == null) {
                g = GreyImage.load(p.file(), p.metadata().size().width(), 1000);
                loaded.put(p, g);
            }
            return g;
        }

        @Override
        public void close() {
            loaded.values().forEach(GreyImage::close);
            loaded.clear();
        }
    }
}
