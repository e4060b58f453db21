package gridwatch.drone.metadata;

import gridwatch.geo.earth.LatLon;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the georeference and the quality gates need from one photo's EXIF and XMP, read by
 * {@link PhotoMetadataReader}. A field the photo lacks is null; nothing is filled in or guessed.
 *
 * @param file            the photo
 * @param size            pixels as stored (JPEG frame header)
 * @param make            EXIF Make, NUL padding and blanks trimmed
 * @param model           EXIF Model (the camera, e.g. FC300S), trimmed
 * @param orientation     EXIF Orientation (1 = as stored; DJI always writes 1), 1 when absent
 * @param position        EXIF GPS latitude and longitude (WGS-84)
 * @param altitudes       relative, absolute and GPS altitudes
 * @param gimbal          DJI GimbalYaw/Pitch/RollDegree
 * @param flight          DJI FlightYaw/Pitch/RollDegree
 * @param focalLengthMm   EXIF FocalLength
 * @param focalLength35mm EXIF FocalLengthIn35mmFormat (diagonal-equivalent)
 * @param captured        when it was taken, with where the zone came from; null without DateTimeOriginal or GPS time
 * @param edits           what an editor that re-saved the photo leaves behind
 * @param djiXmp          whether any {@code drone-dji:} property was found, in either XMP layout
 * @param gpsXyAccuracyM  horizontal GNSS accuracy the photo states (Pix4D XMP GPSXYAccuracy), m
 * @param problems        tags present but unreadable (a malformed XMP packet, a number that is not one), one line each
 */
public record PhotoMetadata(Path file, ImageSize size, @Nullable String make, @Nullable String model, int orientation,
                            @Nullable LatLon position, Altitudes altitudes, Attitude gimbal, Attitude flight,
                            @Nullable Double focalLengthMm, @Nullable Double focalLength35mm, @Nullable CaptureTime captured,
                            EditTraces edits, boolean djiXmp, @Nullable Double gpsXyAccuracyM, List<String> problems) {

    public PhotoMetadata {
        problems = List.copyOf(problems);
    }

    /** The yaw the image top faces: the gimbal's, else the aircraft's (design note §2). */
    public @Nullable Double yawDeg() {
        return gimbal.yawDeg() != null ? gimbal.yawDeg() : flight.yawDeg();
    }
}
