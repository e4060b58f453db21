package gridwatch.config.model;

/** A zone on the ground, tied to the grid cell (网格) that the center dispatches to. */
public record ZoneConfig(String id, String name, GridCell gridCell) {
}
