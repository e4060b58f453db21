package gridwatch.drone.photo;

import gridwatch.drone.camera.CameraTable;
import gridwatch.drone.georef.UncertaintyModel;
import gridwatch.drone.quality.QualityLimits;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;

/**
 * What a site tells the drone pipeline.
 *
 * @param siteZone             the zone a photo's wall-clock time is read in when it carries none (the site's {@code timeZone})
 * @param siteGroundElevationM ground height above sea level at the site, m: heights then come from AbsoluteAltitude − it;
 *                             null to use RelativeAltitude (above the take-off point)
 * @param cameras              the camera table (the drone-camera profile's)
 * @param limits               the quality gates' lines
 * @param uncertainty          the uncertainty model
 * @param checkFrames          whether to decode each photo for the black-frame and blur gates (OpenCV)
 */
public record DroneSettings(ZoneId siteZone, @Nullable Double siteGroundElevationM, CameraTable cameras, QualityLimits limits,
                            UncertaintyModel uncertainty, boolean checkFrames) {
}
