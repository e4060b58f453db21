package gridwatch.drone.metadata;

import java.nio.file.Path;

/** A file that is not a readable JPEG (not one at all, truncated before its frame header, unreadable). Missing tags are not this. */
public final class PhotoReadException extends Exception {

    public PhotoReadException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
    }

    public PhotoReadException(Path file, String reason) {
        super(file + ": " + reason);
    }
}
