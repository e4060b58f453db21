package gridwatch.drone.camera;

import gridwatch.drone.metadata.ImageSize;

/**
 * The pinhole the georeference uses: focal length in pixels, principal point at the image centre
 * (c = (W/2, H/2); DJI does not publish per-unit calibration and lens distortion is ignored: at the
 * Phantom 3's 94° field of view it is within the measured metres, design note §4).
 *
 * @param focalPx focal length in pixels of this image (so a downscaled copy has a proportionally smaller one)
 * @param size    the image the pixels are in
 * @param source  where the focal length came from
 */
public record Intrinsics(double focalPx, ImageSize size, FocalSource source) {

    public double cx() {
        return size.width() / 2.0;
    }

    public double cy() {
        return size.height() / 2.0;
    }

    public enum FocalSource {
        /** FocalLength / sensor width (camera table) × image width: the accurate one. */
        CAMERA_TABLE,
        /** FocalLengthIn35mmFormat / 36 × image width (OpenSfM/ODM's): diagonal-equivalent, about 5 % short on 16:9 photos. */
        FOCAL_35MM
    }
}
