package gridwatch.drone.match;

import org.bytedeco.opencv.opencv_features2d.AKAZE;
import org.bytedeco.opencv.opencv_features2d.Feature2D;
import org.bytedeco.opencv.opencv_features2d.KAZE;
import org.bytedeco.opencv.opencv_features2d.ORB;
import org.bytedeco.opencv.opencv_features2d.SIFT;

import static org.bytedeco.opencv.global.opencv_core.NORM_HAMMING;
import static org.bytedeco.opencv.global.opencv_core.NORM_L2;

/**
 * Feature detectors for image-to-image registration, with the settings measured on the shared
 * Brighton pairs at 1000 px (docs/drone.md): OpenCV's defaults found too few points on grass,
 * trees and water. On the 8 overlapping pairs, AKAZE (threshold 0.0002) registered 6 and SIFT all 8;
 * ORB (10,000 points) 3.
 */
public enum Features {
    AKAZE_MLDB(NORM_HAMMING, 0.85f),
    SIFT_128(NORM_L2, 0.8f),
    ORB_10K(NORM_HAMMING, 0.85f);

    private final int norm;
    private final float ratio;

    Features(int norm, float ratio) {
        this.norm = norm;
        this.ratio = ratio;
    }

    /** A new detector; the caller closes it. */
    Feature2D create() {
        return switch (this) {
            case AKAZE_MLDB -> AKAZE.create(AKAZE.DESCRIPTOR_MLDB, 0, 3, 0.0002f, 4, 4, KAZE.DIFF_PM_G2, -1);
            case SIFT_128 -> SIFT.create();
            case ORB_10K -> ORB.create(10_000, 1.2f, 8, 31, 0, 2, ORB.FAST_SCORE, 31, 5);
        };
    }

    int norm() {
        return norm;
    }

    /** Lowe's ratio: the best match must be this much closer than the second best. */
    float ratio() {
        return ratio;
    }
}
