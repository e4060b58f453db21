package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

/** A cell of the city's management grid (网格): its code and name as the center knows them. */
public record GridCell(String code, @Nullable String name) {
}
