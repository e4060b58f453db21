package gridwatch.drone.quality;

/**
 * Where the quality gates draw their lines (design/drone-imagery.md §6).
 *
 * @param maxPitchDeg   a gimbal pitch above this (flatter, nearer the horizon) gives no ground position; −30°
 * @param blackMeanGrey a mean grey below this is a black frame; 10 (the shared photos: 106–128)
 * @param blurVariance  a variance of the Laplacian below this, measured grey at 1000 px wide, is blurred; 200
 *                      (the agung POOR_SHARPNESS photo: 62; Brighton: 1484–6194)
 * @param minJudgeWidth narrower photos are too small to judge sharpness on; 640 px
 */
public record QualityLimits(double maxPitchDeg, double blackMeanGrey, double blurVariance, int minJudgeWidth) {

    public static final QualityLimits DEFAULT = new QualityLimits(-30, 10, 200, 640);
}
