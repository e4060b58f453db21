package gridwatch.drone.quality;

import gridwatch.drone.metadata.EditTraces;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a program re-saved the photo after the flight (design note §5), from what such programs
 * leave behind. The aircraft writes its firmware version as Software ({@code v01.23.4920}) and no
 * CreatorTool; an editor writes its own name. ModifyDate hours after DateTimeOriginal, and an MPF
 * index whose preview is gone, tell the same. exiftool copies keep all of these as they were, so the
 * downscaled test copies of untouched photos are not flagged.
 */
public final class EditCheck {

    /** What firmware writes: a version number, or a string naming firmware. */
    private static final Pattern FIRMWARE = Pattern.compile("(?i)^v?\\d+(\\.\\d+)+$|firmware");
    /** ModifyDate this far from DateTimeOriginal is a later save, not the camera writing the file. */
    private static final Duration SAVED_LATER = Duration.ofMinutes(1);

    private EditCheck() {
    }

    public static Optional<PhotoWarning.Edited> check(EditTraces t) {
        List<String> traces = new ArrayList<>();
        boolean softwareIsEditor = t.software() != null && !FIRMWARE.matcher(t.software()).find();
        if (softwareIsEditor) {
            traces.add("Software: " + t.software());
        }
        if (t.creatorTool() != null && !FIRMWARE.matcher(t.creatorTool()).find()
                && !(softwareIsEditor && t.creatorTool().equals(t.software()))) {
            traces.add("CreatorTool: " + t.creatorTool());
        }
        if (t.modified() != null && t.original() != null
                && Duration.between(t.original(), t.modified()).abs().compareTo(SAVED_LATER) > 0) {
            traces.add("ModifyDate " + t.modified() + " ≠ DateTimeOriginal " + t.original());
        }
        if (Boolean.FALSE.equals(t.mpfIntact())) {
            traces.add("the MPF preview the index lists is missing");
        }
        return traces.isEmpty() ? Optional.empty() : Optional.of(new PhotoWarning.Edited(traces));
    }
}
