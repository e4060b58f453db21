package gridwatch.drone.metadata;

import org.jspecify.annotations.Nullable;

import java.time.LocalDateTime;

/**
 * What a program that re-saved the photo leaves behind (design/drone-imagery.md §5): its name in
 * Software or XMP CreatorTool instead of the firmware's version, a ModifyDate hours after the
 * capture, and a broken MPF index (the preview image DJI appends is dropped, its offset left
 * pointing past the end of the file). The quality gate decides what they mean.
 *
 * @param software    EXIF Software (DJI firmware writes its version, e.g. {@code v01.23.4920})
 * @param creatorTool XMP xmp:CreatorTool (DJI writes none)
 * @param modified    EXIF DateTime (ModifyDate)
 * @param original    EXIF DateTimeOriginal
 * @param mpfIntact   whether every image the MPF index lists lies inside the file; null without an MPF index
 */
public record EditTraces(@Nullable String software, @Nullable String creatorTool, @Nullable LocalDateTime modified,
                         @Nullable LocalDateTime original, @Nullable Boolean mpfIntact) {
}
