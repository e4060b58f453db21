package gridwatch.drone.georef;

import gridwatch.geo.earth.LatLon;

/**
 * Where the camera was and where it looked, as the georeference uses it.
 *
 * @param position     the camera's WGS-84 position (EXIF GPS)
 * @param heightM      height above the ground plane under the photo, m
 * @param heightSource which altitude that came from
 * @param yawDeg       the bearing the image top faces, 0 = true north, clockwise (already turned 180° when {@code yawTrust} says so)
 * @param yawSource    which yaw tag that came from
 * @param pitchDeg     gimbal pitch, −90 = straight down
 * @param rollDeg      gimbal roll, right side down positive
 * @param yawTrust     whether the yaw can be believed (design note §5)
 */
public record CameraPose(LatLon position, double heightM, HeightSource heightSource, double yawDeg, YawSource yawSource,
                         double pitchDeg, double rollDeg, YawTrust yawTrust) {

    /** The same pose with the yaw judged against neighbouring photos: turned by 180° when they say the pixels are. */
    public CameraPose judged(YawTrust trust) {
        double yaw = trust == YawTrust.TURNED_180 && yawTrust != YawTrust.TURNED_180 ? normalize(yawDeg + 180) : yawDeg;
        return new CameraPose(position, heightM, heightSource, yaw, yawSource, pitchDeg, rollDeg, trust);
    }

    /** An angle in degrees brought into −180…180. */
    public static double normalize(double deg) {
        if (deg > -180 && deg <= 180) {
            return deg;
        }
        double d = ((deg + 180) % 360 + 360) % 360 - 180;
        return d == -180 ? 180 : d;
    }

    public enum HeightSource {
        /** DJI AbsoluteAltitude minus the site's ground elevation. */
        ABSOLUTE_ALTITUDE_MINUS_SITE_GROUND,
        /** EXIF GPSAltitude minus the site's ground elevation (no DJI AbsoluteAltitude). */
        GPS_ALTITUDE_MINUS_SITE_GROUND,
        /** DJI RelativeAltitude: above the take-off point, taken as above the ground (the site gives no ground elevation). */
        RELATIVE_ALTITUDE
    }

    public enum YawSource {
        GIMBAL,
        /** The aircraft's heading: the photo has no gimbal yaw. */
        FLIGHT
    }

    public enum YawTrust {
        /** The photo was not re-saved by an editor: the yaw is the aircraft's. */
        AS_RECORDED,
        /** Re-saved, and image-to-image registration with an untouched neighbour agrees with the yaw. */
        CONFIRMED,
        /** Re-saved, and registration says the pixels are turned 180° from the yaw: {@link #yawDeg} has the 180° added. */
        TURNED_180,
        /** Re-saved, and no neighbour could check it: the uncertainty covers a 180° turn. */
        IN_DOUBT
    }
}
