package gridwatch.geo.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.geo.datum.ChinaDatums;
import gridwatch.geo.datum.Datum;
import gridwatch.geo.earth.LatLon;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads grid cells from a GeoJSON FeatureCollection (RFC 7946: [longitude, latitude] positions) of
 * Polygon or MultiPolygon features whose properties carry the cell's code and name, and converts
 * every vertex from the datum the file was drawn in to WGS-84. Every problem of the file is
 * reported together, each naming the feature; nothing is guessed (a code written as a number, a
 * ring that is not closed, a self-intersecting cell are errors, not repaired).
 *
 * @param codeProperty the property holding the cell code (usually {@code code})
 * @param nameProperty the property holding the cell's name (usually {@code name})
 */
public record GeoJsonGridReader(String codeProperty, String nameProperty) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    public GeoJsonGridReader() {
        this("code", "name");
    }

    public GridIndex read(Path file, Datum datum) throws IOException, GridFileException {
        return new GridIndex(cells(file, datum));
    }

    public List<GridCell> cells(Path file, Datum datum) throws IOException, GridFileException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GridFileException(List.of(file + ": not JSON: " + e.getOriginalMessage()));
        }
        return cells(file.toString(), root, datum);
    }

    List<GridCell> cells(String file, JsonNode root, Datum datum) throws GridFileException {
        List<String> problems = new ArrayList<>();
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new GridFileException(List.of(file + ": not a GeoJSON FeatureCollection"));
        }
        JsonNode features = root.path("features");
        List<GridCell> cells = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            String where = file + ": features[" + i + "]";
            JsonNode f = features.get(i);
            JsonNode codeNode = f.path("properties").path(codeProperty);
            JsonNode nameNode = f.path("properties").path(nameProperty);
            if (!codeNode.isTextual() || codeNode.asText().isBlank()) {
                problems.add(where + ": properties." + codeProperty + " must be a non-empty string"
                        + (codeNode.isNumber() ? " (write it in quotes: long codes and leading zeros do not survive as numbers)" : ""));
                continue;
            }
            String code = codeNode.asText();
            where += " (" + code + ")";
            if (!codes.add(code)) {
                problems.add(where + ": code appears twice");
            }
            try {
                Geometry area = geometry(f.path("geometry"), datum);
                IsValidOp valid = new IsValidOp(area);
                if (!valid.isValid()) {
                    problems.add(where + ": invalid polygon: " + valid.getValidationError());
                    continue;
                }
                cells.add(new GridCell(code, nameNode.isTextual() ? nameNode.asText() : code, area));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        if (cells.isEmpty() && problems.isEmpty()) {
            problems.add(file + ": no features");
        }
        if (!problems.isEmpty()) {
            throw new GridFileException(problems);
        }
        return cells;
    }

    private static Geometry geometry(JsonNode g, Datum datum) {
        JsonNode coords = g.path("coordinates");
        return switch (g.path("type").asText()) {
            case "Polygon" -> polygon(coords, datum);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coords.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coords.get(i), datum);
                }
                yield GEOMETRY.createMultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException("geometry must be a Polygon or MultiPolygon, not '" + g.path("type").asText() + "'");
        };
    }

    private static Polygon polygon(JsonNode rings, Datum datum) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs at least its outer ring");
        }
        LinearRing shell = ring(rings.get(0), datum);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), datum);
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, Datum datum) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new IllegalArgumentException("a ring needs at least 4 positions (closed)");
        }
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int i = 0; i < cs.length; i++) {
            JsonNode pos = positions.get(i);
            if (!pos.isArray() || pos.size() < 2 || !pos.get(0).isNumber() || !pos.get(1).isNumber()) {
                throw new IllegalArgumentException("position " + i + " is not [longitude, latitude]");
            }
            LatLon wgs = ChinaDatums.toWgs84(datum, new LatLon(pos.get(1).asDouble(), pos.get(0).asDouble()));
            cs[i] = new Coordinate(wgs.lon(), wgs.lat());
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new IllegalArgumentException("ring is not closed (first and last positions differ)");
        }
        return GEOMETRY.createLinearRing(cs);
    }
}
