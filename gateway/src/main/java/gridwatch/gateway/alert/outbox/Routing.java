package gridwatch.gateway.alert.outbox;

import org.jspecify.annotations.Nullable;

/**
 * What a broker or bridge routes an alert on beyond its type, severity and source (which the row holds already): its
 * lifecycle step, its incident and its grid cell. Kept beside the payload so the publisher never parses the JSON. The
 * outbox does not read them. Any may be null: an alert without a grid cell, or a row stored by an earlier version whose
 * payload did not say.
 */
public record Routing(@Nullable String lifecycle, @Nullable String incidentId, @Nullable String gridCell) {

    /** Nothing beyond what the row holds anyway. */
    public static final Routing NONE = new Routing(null, null, null);

    /** Characters stored, for the outbox's size bound. */
    int length() {
        return len(lifecycle) + len(incidentId) + len(gridCell);
    }

    private static int len(@Nullable String s) {
        return s == null ? 0 : s.length();
    }
}
