package gridwatch.config.model;

/** A cell of the city's management grid (网格): its code and name as the center knows them. */
public record GridCell(String code, String name) {
}
