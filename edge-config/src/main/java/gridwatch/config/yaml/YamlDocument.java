package gridwatch.config.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import gridwatch.config.ConfigError;

/**
 * A parsed YAML file that remembers where each field came from, so that errors found later
 * (by the schema or by cross-reference checks) can name the file, line and column.
 */
public record YamlDocument(String file, JsonNode root, SourcePositions positions) {

    /** An error about the field at {@code pointer} (a JSON pointer such as {@code /devices/0/id}). */
    public ConfigError errorAt(String pointer, String message) {
        SourcePositions.Position p = positions.nearest(pointer);
        return new ConfigError(file, p.line(), p.column(), JsonPointers.toDotted(pointer), message);
    }
}
