package gridwatch.drone.metadata;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * When the photo was taken. EXIF DateTimeOriginal is a wall-clock time without a zone; DJI writes
 * the controller's local time and, on the aircraft we have seen, neither OffsetTimeOriginal nor a
 * GPS time stamp. So the UTC instant comes, in this order, from OffsetTimeOriginal, from the GPS
 * date and time stamp (UTC by definition), or from the wall clock read in the site's time zone, and
 * {@link #source} says which: a patrol flown from a phone set to another zone is off by whole hours
 * only in the last case.
 *
 * @param utc       the instant
 * @param wallClock DateTimeOriginal as written (the GPS time when there is none)
 * @param source    where the zone came from
 */
public record CaptureTime(Instant utc, LocalDateTime wallClock, Source source) {

    public enum Source {
        /** EXIF OffsetTimeOriginal gave the zone. */
        EXIF_OFFSET,
        /** The GPS date and time stamps (UTC). */
        GPS_TIME,
        /** DateTimeOriginal read in the site's time zone (no zone in the photo). */
        SITE_ZONE
    }
}
