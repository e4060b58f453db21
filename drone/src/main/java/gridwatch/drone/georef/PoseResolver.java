package gridwatch.drone.georef;

import gridwatch.drone.metadata.PhotoMetadata;
import gridwatch.drone.quality.PhotoWarning;
import gridwatch.geo.earth.LatLon;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The camera pose a photo's metadata supports, never a guessed one (design note §2, §6):
 * <ul>
 *   <li>height above the ground: AbsoluteAltitude − the site's ground elevation when the site gives
 *       one (GPSAltitude − elevation without AbsoluteAltitude), else RelativeAltitude (above the
 *       take-off point, barometric); none of these → no location;</li>
 *   <li>yaw: the gimbal's, else the aircraft's; pitch and roll: the gimbal's (DJI writes them
 *       absolute, not relative to the airframe); no DJI XMP, or no pitch → no location;</li>
 *   <li>a pitch flatter than the limit (−30°) → no location: the flat-ground model is unreliable there;</li>
 *   <li>an EXIF Orientation other than 1 → no location: the attitude describes the stored pixels.</li>
 * </ul>
 * The yaw's trust starts as {@link CameraPose.YawTrust#AS_RECORDED}, or
 * {@link CameraPose.YawTrust#IN_DOUBT} for a photo an editor re-saved, until neighbouring photos
 * judge it ({@link CameraPose#judged}). Immutable.
 *
 * @param siteGroundElevationM the ground's height above sea level at the site, m, or null when the site gives none
 * @param maxPitchDeg          the flattest gimbal pitch still located
 */
public record PoseResolver(@Nullable Double siteGroundElevationM, double maxPitchDeg) {

    private static final double MIN_HEIGHT_M = 1.0;

    public PoseResult resolve(PhotoMetadata m, boolean edited) {
        List<PhotoWarning> reasons = new ArrayList<>();
        LatLon position = m.position();
        if (position == null) {
            reasons.add(new PhotoWarning.NoPosition());
        }
        Height height = height(m);
        if (height.reason != null) {
            reasons.add(new PhotoWarning.NoAltitude(height.reason));
        }
        Aim aim = aim(m, reasons);
        if (m.orientation() != 1) {
            reasons.add(new PhotoWarning.TurnedByOrientationTag(m.orientation()));
        }
        if (position == null || aim == null || !reasons.isEmpty()) {
            return new PoseResult.NotLocated(reasons);
        }
        return new PoseResult.Located(new CameraPose(position, height.metres, height.source, aim.yawDeg, aim.yawSource, aim.pitchDeg,
                aim.rollDeg, edited ? CameraPose.YawTrust.IN_DOUBT : CameraPose.YawTrust.AS_RECORDED));
    }

    /** Where the camera looked, or null after adding to {@code reasons} why that is not known well enough to locate. */
    private @Nullable Aim aim(PhotoMetadata m, List<PhotoWarning> reasons) {
        if (!m.djiXmp()) {
            reasons.add(new PhotoWarning.NoDjiXmp(m.problems().stream().filter(p -> p.startsWith("XMP")).findFirst().orElse("")));
            return null;
        }
        Double pitch = m.gimbal().pitchDeg();
        Double roll = m.gimbal().rollDeg();
        Double yaw = m.yawDeg();
        List<String> missing = new ArrayList<>();
        if (pitch == null) {
            missing.add("GimbalPitchDegree");
        }
        if (roll == null) {
            missing.add("GimbalRollDegree");
        }
        if (yaw == null) {
            missing.add("GimbalYawDegree/FlightYawDegree");
        }
        if (pitch == null || roll == null || yaw == null) {
            reasons.add(new PhotoWarning.NoAttitude(missing));
            return null;
        }
        if (pitch > maxPitchDeg) {
            reasons.add(new PhotoWarning.TooOblique(pitch, maxPitchDeg));
            return null;
        }
        CameraPose.YawSource yawSource = m.gimbal().yawDeg() != null ? CameraPose.YawSource.GIMBAL : CameraPose.YawSource.FLIGHT;
        return new Aim(CameraPose.normalize(yaw), yawSource, pitch, roll);
    }

    private Height height(PhotoMetadata m) {
        Double absolute = m.altitudes().absoluteM();
        Double gps = m.altitudes().gpsM();
        if (siteGroundElevationM != null && absolute != null) {
            return checked(absolute - siteGroundElevationM, CameraPose.HeightSource.ABSOLUTE_ALTITUDE_MINUS_SITE_GROUND);
        }
        if (siteGroundElevationM != null && gps != null) {
            return checked(gps - siteGroundElevationM, CameraPose.HeightSource.GPS_ALTITUDE_MINUS_SITE_GROUND);
        }
        if (m.altitudes().relativeM() != null) {
            return checked(m.altitudes().relativeM(), CameraPose.HeightSource.RELATIVE_ALTITUDE);
        }
        List<String> seen = new ArrayList<>();
        seen.add("no RelativeAltitude");
        if (absolute == null && gps == null) {
            seen.add("no AbsoluteAltitude or GPSAltitude");
        } else {
            seen.add((absolute != null ? "AbsoluteAltitude" : "GPSAltitude") + " but no site ground elevation to subtract");
        }
        return new Height(Double.NaN, CameraPose.HeightSource.RELATIVE_ALTITUDE, String.join(", ", seen));
    }

    private static Height checked(double metres, CameraPose.HeightSource source) {
        return metres >= MIN_HEIGHT_M ? new Height(metres, source, null)
                : new Height(metres, source, String.format(Locale.ROOT, "%s gives %.1f m above the ground", source, metres));
    }

    /** A height above the ground, or (with {@code reason}) why none can be trusted. */
    private record Height(double metres, CameraPose.HeightSource source, @Nullable String reason) {
    }

    /** The attitude of a photo that passed the attitude checks: every angle present. */
    private record Aim(double yawDeg, CameraPose.YawSource yawSource, double pitchDeg, double rollDeg) {
    }
}
