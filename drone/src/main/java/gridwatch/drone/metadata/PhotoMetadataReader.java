package gridwatch.drone.metadata;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import gridwatch.geo.earth.LatLon;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a drone photo's metadata with metadata-extractor (EXIF, GPS, the JPEG frame header) and
 * Adobe XMPCore (DJI's {@code drone-dji:} XMP, both layouts). Reads only the headers, never the
 * image data. A tag the photo lacks is null in the result; a tag that is present but unreadable is
 * null and named in {@link PhotoMetadata#problems()}. Stateless: one instance serves any thread.
 *
 * @param siteZone the zone a DateTimeOriginal without offset is read in (the site's; see {@link CaptureTime})
 */
public record PhotoMetadataReader(ZoneId siteZone) {

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    /** EXIF 2.31 OffsetTimeOriginal; metadata-extractor 2.19 has no constant for it. */
    private static final int TAG_OFFSET_TIME_ORIGINAL = 0x9011;

    /** @throws PhotoReadException when the file is not a JPEG whose frame header can be read */
    public PhotoMetadata read(Path file) throws PhotoReadException {
        Metadata md;
        try {
            md = JpegMetadataReader.readMetadata(file.toFile());
        } catch (JpegProcessingException e) {
            throw new PhotoReadException(file, "not a JPEG: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PhotoReadException(file, "cannot read: " + e.getMessage(), e);
        }
        JpegDirectory sof = md.getFirstDirectoryOfType(JpegDirectory.class);
        ImageSize size;
        try {
            if (sof == null) {
                throw new MetadataException("no frame header");
            }
            size = new ImageSize(sof.getImageWidth(), sof.getImageHeight());
        } catch (MetadataException | IllegalArgumentException e) {
            throw new PhotoReadException(file, "no usable JPEG frame header (" + e.getMessage() + ")", e);
        }
        List<String> problems = new ArrayList<>();
        Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
        Directory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        GpsDirectory gps = md.getFirstDirectoryOfType(GpsDirectory.class);
        DjiXmp xmp = new DjiXmp(md, problems);

        Attitude gimbal = new Attitude(xmp.number(DjiXmp.DJI, "GimbalYawDegree"), xmp.number(DjiXmp.DJI, "GimbalPitchDegree"),
                xmp.number(DjiXmp.DJI, "GimbalRollDegree"));
        Attitude flight = new Attitude(xmp.number(DjiXmp.DJI, "FlightYawDegree"), xmp.number(DjiXmp.DJI, "FlightPitchDegree"),
                xmp.number(DjiXmp.DJI, "FlightRollDegree"));
        Altitudes altitudes = new Altitudes(xmp.number(DjiXmp.DJI, "RelativeAltitude"), xmp.number(DjiXmp.DJI, "AbsoluteAltitude"),
                gpsAltitude(gps));
        LocalDateTime original = exifTime(sub, ExifDirectoryBase.TAG_DATETIME_ORIGINAL, problems);
        String creatorTool = xmp.text(DjiXmp.XMP_BASIC, "CreatorTool");
        EditTraces edits;
        try {
            edits = new EditTraces(trimmed(ifd0, ExifDirectoryBase.TAG_SOFTWARE), creatorTool == null ? null : creatorTool.strip(),
                    exifTime(ifd0, ExifDirectoryBase.TAG_DATETIME, problems), original, MpfIndex.intact(file));
        } catch (IOException e) {
            throw new PhotoReadException(file, "cannot read: " + e.getMessage(), e);
        }
        return new PhotoMetadata(file, size, trimmed(ifd0, ExifDirectoryBase.TAG_MAKE), trimmed(ifd0, ExifDirectoryBase.TAG_MODEL),
                orientation(ifd0), position(gps, problems), altitudes, gimbal, flight,
                positive(sub, ExifDirectoryBase.TAG_FOCAL_LENGTH), positive(sub, ExifDirectoryBase.TAG_35MM_FILM_EQUIV_FOCAL_LENGTH),
                captureTime(original, sub, gps, problems), edits, xmp.hasAny(DjiXmp.DJI),
                xmp.number(DjiXmp.PIX4D_CAMERA, "GPSXYAccuracy"), problems);
    }

    private static @Nullable LatLon position(@Nullable GpsDirectory gps, List<String> problems) {
        if (gps == null) {
            return null;
        }
        GeoLocation g = gps.getGeoLocation();
        if (g == null || g.isZero()) {
            if (gps.containsTag(GpsDirectory.TAG_LATITUDE) || gps.containsTag(GpsDirectory.TAG_LONGITUDE)) {
                problems.add(g == null ? "GPS: latitude/longitude unreadable" : "GPS: latitude and longitude are 0,0 (no fix)");
            }
            return null;
        }
        try {
            return new LatLon(g.getLatitude(), g.getLongitude());
        } catch (IllegalArgumentException e) {
            problems.add("GPS: " + e.getMessage());
            return null;
        }
    }

    /** GPSAltitude above sea level; GPSAltitudeRef 1 means below (negative). */
    private static @Nullable Double gpsAltitude(@Nullable GpsDirectory gps) {
        if (gps == null) {
            return null;
        }
        Rational alt = gps.getRational(GpsDirectory.TAG_ALTITUDE);
        if (alt == null || alt.getDenominator() == 0) {
            return null;
        }
        Integer ref = gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF);
        return ref != null && ref == 1 ? -alt.doubleValue() : alt.doubleValue();
    }

    /** When the photo was taken, or null when it carries neither DateTimeOriginal nor a GPS time stamp. */
    private @Nullable CaptureTime captureTime(@Nullable LocalDateTime original, @Nullable Directory sub, @Nullable GpsDirectory gps,
                                    List<String> problems) {
        String offset = sub == null ? null : sub.getString(TAG_OFFSET_TIME_ORIGINAL);
        if (original != null && offset != null) {
            try {
                return new CaptureTime(original.toInstant(ZoneOffset.of(offset.strip())), original, CaptureTime.Source.EXIF_OFFSET);
            } catch (java.time.DateTimeException e) {
                problems.add("EXIF OffsetTimeOriginal is not an offset: '" + offset + "'");
            }
        }
        java.util.Date gpsDate = gps == null ? null : gps.getGpsDate();
        if (gpsDate != null) {
            LocalDateTime wall = original != null ? original : LocalDateTime.ofInstant(gpsDate.toInstant(), ZoneOffset.UTC);
            return new CaptureTime(gpsDate.toInstant(), wall, CaptureTime.Source.GPS_TIME);
        }
        if (original != null) {
            return new CaptureTime(original.atZone(siteZone).toInstant(), original, CaptureTime.Source.SITE_ZONE);
        }
        return null;
    }

    private static @Nullable LocalDateTime exifTime(@Nullable Directory d, int tag, List<String> problems) {
        if (d == null) {
            return null;
        }
        String s = trimmed(d, tag);
        if (s == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(s, EXIF_TIME);
        } catch (DateTimeParseException e) {
            problems.add("EXIF " + d.getTagName(tag) + " is not a time: '" + s + "'");
            return null;
        }
    }

    /** A string tag without DJI's NUL padding and surrounding blanks; null when absent or empty. */
    private static @Nullable String trimmed(@Nullable Directory d, int tag) {
        String s = d == null ? null : d.getString(tag);
        if (s == null) {
            return null;
        }
        int nul = s.indexOf('\0');
        String t = (nul >= 0 ? s.substring(0, nul) : s).strip();
        return t.isEmpty() ? null : t;
    }

    private static @Nullable Double positive(@Nullable Directory d, int tag) {
        if (d == null || !d.containsTag(tag)) {
            return null;
        }
        Rational r = d.getRational(tag);
        Double v = r != null ? Double.valueOf(r.doubleValue()) : d.getDoubleObject(tag);
        return v != null && v > 0 && Double.isFinite(v) ? v : null;
    }

    private static int orientation(@Nullable Directory ifd0) {
        Integer o = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
        return o == null ? 1 : o;
    }
}
