package gridwatch.config.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;

import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into a Jackson tree plus the position of every field. Two passes over the text:
 * one builds the tree, one walks the tokens to record positions; config files are small, and
 * keeping the passes apart keeps each simple.
 */
public final class YamlReader {

    private final YAMLFactory factory = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final ObjectMapper mapper = new ObjectMapper(factory);

    public YamlDocument read(Path path) throws ConfigException {
        String file = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigError(file, 0, 0, "", "file not found")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigError(file, 0, 0, "", "cannot read: " + e.getMessage())));
        }
        return read(file, text);
    }

    public YamlDocument read(String file, String text) throws ConfigException {
        try {
            JsonNode root = mapper.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new ConfigException(List.of(new ConfigError(file, 1, 1, "", "the file is empty")));
            }
            return new YamlDocument(file, root, positions(text));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            int col = loc == null ? 0 : loc.getColumnNr();
            throw new ConfigException(List.of(new ConfigError(file, line, col, "", "YAML syntax: " + describe(e))));
        }
    }

    /** SnakeYAML's message echoes the source over several lines; keep its one-line problem. */
    private static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
            String context = m.getContext() == null ? "" : " (" + m.getContext()
                    + (m.getContextMark() == null ? "" : " started at line " + (m.getContextMark().getLine() + 1)) + ")";
            return m.getProblem() + context;
        }
        return e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
    }

    private SourcePositions positions(String text) throws JsonProcessingException {
        Map<String, SourcePositions.Position> map = new HashMap<>();
        // Each open container remembers its pointer and, for arrays, the next index.
        Deque<String> pointers = new ArrayDeque<>();
        Deque<int[]> arrayIndex = new ArrayDeque<>();
        String pendingField = null;
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    pendingField = JsonPointers.child(pointers.peek(), p.currentName());
                    map.put(pendingField, at(p.currentTokenLocation()));
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    pointers.pop();
                    arrayIndex.pop();
                    continue;
                }
                String here;
                if (pointers.isEmpty()) {
                    here = "";
                } else if (pendingField != null) {
                    here = pendingField;
                } else {
                    int[] idx = arrayIndex.peek();
                    here = JsonPointers.child(pointers.peek(), Integer.toString(idx[0]++));
                    map.putIfAbsent(here, at(p.currentTokenLocation()));
                }
                pendingField = null;
                if (here.isEmpty()) {
                    map.put(here, at(p.currentTokenLocation()));
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    pointers.push(here);
                    arrayIndex.push(new int[] {0});
                }
            }
        } catch (IOException e) {
            if (e instanceof JsonProcessingException jpe) {
                throw jpe;
            }
            throw new IllegalStateException(e);
        }
        return new SourcePositions(map);
    }

    private static SourcePositions.Position at(JsonLocation loc) {
        return new SourcePositions.Position(loc.getLineNr(), loc.getColumnNr());
    }
}
