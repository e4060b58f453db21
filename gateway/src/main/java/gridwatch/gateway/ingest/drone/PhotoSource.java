package gridwatch.gateway.ingest.drone;

import java.util.Locale;

/** How a photo reached the gateway. */
public enum PhotoSource {
    /** Found in a drone's watched folder. */
    FOLDER,
    /** Posted to the upload endpoint. */
    UPLOAD;

    /** The name in the ledger, metrics and JSON: {@code folder} or {@code upload}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PhotoSource ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
