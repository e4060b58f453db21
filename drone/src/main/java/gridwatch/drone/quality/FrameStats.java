package gridwatch.drone.quality;

/**
 * What the image itself looked like, grey and at most 1000 px wide.
 *
 * @param meanGrey          mean grey level, 0–255
 * @param laplacianVariance variance of the Laplacian (CV_64F): low for blurred frames
 * @param analysedWidth     the width the two were measured at
 */
public record FrameStats(double meanGrey, double laplacianVariance, int analysedWidth) {
}
