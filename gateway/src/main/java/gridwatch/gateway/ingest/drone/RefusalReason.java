package gridwatch.gateway.ingest.drone;

/** Why a photo was refused. {@link #code()} is what metrics, logs and the upload endpoint's JSON say. */
public enum RefusalReason {
    EMPTY("empty"),
    NOT_JPEG("not_jpeg"),
    /** The data ends before the JPEG's end-of-image marker: cut off, or (in a folder) still being written. */
    TRUNCATED("truncated"),
    /** The frame header claims more pixels than the drone's {@code maxPixels}. */
    TOO_MANY_PIXELS("too_many_pixels"),
    /** Starts like a JPEG but its segments do not add up. */
    BAD_JPEG("bad_jpeg"),
    TOO_LARGE("too_large");

    private final String code;

    RefusalReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
