package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

/**
 * How pictures in alerts (camera snapshots, best views) are encoded. Either may be absent: the picture is then as the
 * camera rule draws it (up to 1280 px wide, JPEG quality 80, best views 85). Settings can only make pictures smaller.
 *
 * @param maxWidth pixels, or null
 * @param quality  JPEG quality 1–100, or null
 */
public record SnapshotSettings(@Nullable Integer maxWidth, @Nullable Integer quality) {

    public static final SnapshotSettings AS_DRAWN = new SnapshotSettings(null, null);
}
