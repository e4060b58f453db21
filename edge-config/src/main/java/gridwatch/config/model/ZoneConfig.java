package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

/** A zone on the ground, tied to the grid cell (网格) that the center dispatches to. */
public record ZoneConfig(String id, @Nullable String name, GridCell gridCell) {
}
