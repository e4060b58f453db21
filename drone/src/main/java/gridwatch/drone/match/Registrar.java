package gridwatch.drone.match;

import org.bytedeco.javacpp.PointerScope;
import org.jspecify.annotations.Nullable;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.DMatchVector;
import org.bytedeco.opencv.opencv_core.DMatchVectorVector;
import org.bytedeco.opencv.opencv_core.KeyPointVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_features2d.BFMatcher;
import org.bytedeco.opencv.opencv_features2d.Feature2D;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_calib3d.USAC_MAGSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.findHomography;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;

/**
 * Registers two photos image-to-image: features, ratio-tested brute-force matches, a RANSAC
 * (MAGSAC++) homography, then the check the design note asks for because registration fails
 * silently on canopy and water (§8): enough inliers, a scale near what the heights predict, no
 * mirror. Detectors are tried in the order given until one passes. Rotation against the yaws is
 * the caller's to judge (it may expect Δyaw, or Δyaw + 180° for a re-saved photo).
 *
 * <p>Every native object of an attempt lives in one JavaCPP {@link PointerScope} and is freed when
 * it ends; the images stay their owner's. Holds nothing: one instance serves any thread.
 *
 * @param minInliers    fewest inliers for a registration to count; 20
 * @param scaleTolerance the scale may differ from the predicted one by this factor either way; 1.25
 * @param ransacPx      RANSAC reprojection threshold at the analysed size (~1000 px wide); 5
 */
public record Registrar(int minInliers, double scaleTolerance, double ransacPx) {

    public static final Registrar DEFAULT = new Registrar(20, 1.25, 5.0);

    /** The result of trying each detector in turn. */
    public sealed interface Outcome {
        record Registered(PairRegistration registration, List<String> failedAttempts) implements Outcome {
        }

        record Failed(List<String> attempts) implements Outcome {
        }
    }

    /**
     * @param expectedScale what the heights predict for A → B (h_A / h_B for one camera; 1 when unknown)
     */
    public Outcome register(GreyImage a, GreyImage b, double expectedScale, List<Features> order) {
        List<String> failed = new ArrayList<>();
        for (Features f : order) {
            String problem;
            switch (attempt(a, b, f)) {
                case Attempt.Made(PairRegistration r) -> {
                    problem = judge(r, expectedScale);
                    if (problem == null) {
                        return new Outcome.Registered(r, failed);
                    }
                }
                case Attempt.NotMade(String why) -> problem = why;
            }
            failed.add(f + ": " + problem);
        }
        return new Outcome.Failed(failed);
    }

    private @Nullable String judge(PairRegistration r, double expectedScale) {
        if (r.inliers().size() < minInliers) {
            return r.inliers().size() + " inliers (< " + minInliers + ")";
        }
        double ratio = r.scale() / expectedScale;
        if (!(ratio > 1 / scaleTolerance && ratio < scaleTolerance)) {
            return String.format(Locale.ROOT, "scale %.2f where %.2f was expected", r.scale(), expectedScale);
        }
        return null;
    }

    /** One detector's try: a homography to judge, or why there is none. */
    private sealed interface Attempt {
        record Made(PairRegistration registration) implements Attempt {
        }

        record NotMade(String problem) implements Attempt {
        }
    }

    private Attempt attempt(GreyImage a, GreyImage b, Features f) {
        try (PointerScope scope = new PointerScope()) {
            Feature2D detector = f.create();
            KeyPointVector ka = new KeyPointVector();
            KeyPointVector kb = new KeyPointVector();
            Mat da = new Mat();
            Mat db = new Mat();
            detector.detectAndCompute(a.mat(), new Mat(), ka, da);
            detector.detectAndCompute(b.mat(), new Mat(), kb, db);
            if (da.empty() || db.empty()) {
                return new Attempt.NotMade("no features");
            }
            DMatchVectorVector knn = new DMatchVectorVector();
            new BFMatcher(f.norm(), false).knnMatch(da, db, knn, 2);
            List<float[]> good = new ArrayList<>();
            for (long i = 0; i < knn.size(); i++) {
                DMatchVector m = knn.get(i);
                if (m.size() == 2 && m.get(0).distance() < f.ratio() * m.get(1).distance()) {
                    Point2f p = ka.get(m.get(0).queryIdx()).pt();
                    Point2f q = kb.get(m.get(0).trainIdx()).pt();
                    good.add(new float[] {p.x(), p.y(), q.x(), q.y()});
                }
            }
            if (good.size() < Math.max(minInliers, 4)) {
                return new Attempt.NotMade(good.size() + " matches");
            }
            Mat src = new Mat(good.size(), 1, CV_32FC2);
            Mat dst = new Mat(good.size(), 1, CV_32FC2);
            FloatIndexer si = src.createIndexer();
            FloatIndexer di = dst.createIndexer();
            for (int i = 0; i < good.size(); i++) {
                float[] g = good.get(i);
                si.put(i, 0, 0, g[0]);
                si.put(i, 0, 1, g[1]);
                di.put(i, 0, 0, g[2]);
                di.put(i, 0, 1, g[3]);
            }
            Mat mask = new Mat();
            Mat h = findHomography(src, dst, USAC_MAGSAC, ransacPx, mask, 5000, 0.999);
            if (h.empty()) {
                return new Attempt.NotMade("no homography from " + good.size() + " matches");
            }
            double[] analysed = new double[9];
            DoubleIndexer hi = h.createIndexer();
            for (int i = 0; i < 9; i++) {
                analysed[i] = hi.get(i / 3, i % 3);
            }
            double sa = a.toStoredScale();
            double sb = b.toStoredScale();
            double[] stored = new double[9];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    stored[3 * i + j] = (i < 2 ? sb : 1) * analysed[3 * i + j] / (j < 2 ? sa : 1);
                }
            }
            UByteIndexer mi = mask.createIndexer();
            List<PointPair> inliers = new ArrayList<>();
            for (int i = 0; i < good.size(); i++) {
                if (mi.get(i) != 0) {
                    float[] g = good.get(i);
                    inliers.add(new PointPair(g[0] * sa, g[1] * sa, g[2] * sb, g[3] * sb));
                }
            }
            return new Attempt.Made(local(stored, inliers, good.size(), f));
        }
    }

    /** Rotation and scale of the homography's Jacobian at the inliers' centroid in A. */
    private static PairRegistration local(double[] h, List<PointPair> inliers, int matches, Features f) {
        double x = inliers.stream().mapToDouble(PointPair::ua).average().orElse(0);
        double y = inliers.stream().mapToDouble(PointPair::va).average().orElse(0);
        double bx = h[0] * x + h[1] * y + h[2];
        double by = h[3] * x + h[4] * y + h[5];
        double w = h[6] * x + h[7] * y + h[8];
        double j00 = (h[0] * w - bx * h[6]) / (w * w);
        double j01 = (h[1] * w - bx * h[7]) / (w * w);
        double j10 = (h[3] * w - by * h[6]) / (w * w);
        double j11 = (h[4] * w - by * h[7]) / (w * w);
        double det = j00 * j11 - j01 * j10;
        double rotation = Math.toDegrees(Math.atan2(j10 - j01, j00 + j11));
        double scale = det > 0 ? Math.sqrt(det) : Double.NaN; // a mirror image is no registration
        return new PairRegistration(h, inliers, matches, rotation, scale, f);
    }
}
