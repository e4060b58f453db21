package gridwatch.gateway.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The examples of {@code docs/api/asyncapi.yaml}, kept equal to real messages. Each generated block sits between two
 * marker comments; {@link #sync} renders the real messages there when the build runs with {@code -Dcontract.write=true}
 * and otherwise reports how the committed examples differ from them. Values that differ on every run (ids, production
 * times) are compared masked: the committed ones are real too, from the run that last wrote them.
 */
final class AsyncApiExamples {

    static final Path DOC = DemoTraffic.ROOT.resolve("docs/api/asyncapi.yaml");
    static final String REGENERATE = "./mvnw -pl gateway -am test -Dtest='AlertContractTest,LastWillContractTest' "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dcontract.write=true";

    /** One example as the document lists it; {@code headers} (the MQTT 5 user properties) may be null. */
    record Example(String name, String summary, @Nullable JsonNode headers, JsonNode payload) {

        Example(String name, String summary, JsonNode payload) {
            this(name, summary, null, payload);
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // Every string quoted: a bare 2026-11-20T14:02:00Z is a timestamp to YAML 1.1 readers, 05-99 may be a number.
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private AsyncApiExamples() {
    }

    /**
     * Writes (when asked) or compares the examples of one block.
     *
     * @param block    the block's key in its markers ({@code # BEGIN generated: KEY ...} and {@code # END generated: KEY})
     * @param at       where the block's examples are in the document, e.g. {@code /components/messages/alert/examples}
     * @param volatiles JSON pointers in each example compared masked (e.g. {@code /payload/id})
     * @return what differs (empty when the document has exactly these examples)
     */
    static List<String> sync(String block, String at, List<Example> examples, List<String> volatiles) throws IOException {
        String rendered = render(examples);
        if (Boolean.getBoolean("contract.write")) {
            Files.writeString(DOC, replaceBlock(Files.readString(DOC, StandardCharsets.UTF_8), block, rendered), StandardCharsets.UTF_8);
        }
        JsonNode committed = YAML.readTree(Files.readString(DOC, StandardCharsets.UTF_8)).at(at);
        JsonNode expected = YAML.readTree(rendered.isBlank() ? "[]" : rendered.stripIndent());
        List<String> diff = new ArrayList<>();
        diff(mask(expected, volatiles), mask(committed.isArray() ? committed : YAML.createArrayNode(), volatiles), at, diff);
        return diff;
    }

    /** Committed examples of a block, as the document has them. */
    static JsonNode committed(String at) throws IOException {
        return YAML.readTree(Files.readString(DOC, StandardCharsets.UTF_8)).at(at);
    }

    private static String render(List<Example> examples) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Example e : examples) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("name", e.name());
            example.put("summary", e.summary());
            if (e.headers() != null) {
                example.put("headers", e.headers());
            }
            example.put("payload", e.payload());
            list.add(example);
        }
        String yaml = YAML.writeValueAsString(list);
        StringBuilder out = new StringBuilder();
        for (String line : yaml.split("\n")) {
            out.append("      ").append(line).append('\n'); // the generator indents the list itself by two
        }
        return out.toString();
    }

    private static String replaceBlock(String doc, String block, String rendered) {
        String begin = "# BEGIN generated: " + block;
        String end = "# END generated: " + block;
        int b = doc.indexOf(begin);
        int e = doc.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalStateException(DOC + " has no block '" + begin + "' ... '" + end + "'");
        }
        int afterBegin = doc.indexOf('\n', b) + 1;
        int lineOfEnd = doc.lastIndexOf('\n', e) + 1;
        return doc.substring(0, afterBegin) + rendered + doc.substring(lineOfEnd);
    }

    private static JsonNode mask(JsonNode examples, List<String> volatiles) {
        JsonNode copy = examples.deepCopy();
        for (JsonNode e : copy) {
            for (String pointer : volatiles) {
                int slash = pointer.lastIndexOf('/');
                JsonNode parent = e.at(pointer.substring(0, slash));
                if (parent instanceof ObjectNode o && o.has(pointer.substring(slash + 1))) {
                    o.set(pointer.substring(slash + 1), TextNode.valueOf("(differs on every run)"));
                }
            }
        }
        return copy;
    }

    private static void diff(JsonNode expected, JsonNode actual, String path, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                diff(expected.get(k), actual.has(k) ? actual.get(k) : com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
                        path + "/" + k, out);
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!expected.has(k)) {
                    out.add(path + "/" + k + ": in the document, not in the real message");
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                if (i >= expected.size()) {
                    out.add(path + "/" + i + ": in the document, not in the real messages");
                } else if (i >= actual.size()) {
                    out.add(path + "/" + i + ": missing from the document");
                } else {
                    diff(expected.get(i), actual.get(i), path + "/" + i, out);
                }
            }
        } else if (!equalValues(expected, actual)) {
            out.add(path + ": real " + expected + ", document " + (actual.isMissingNode() ? "(absent)" : actual));
        }
    }

    private static boolean equalValues(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
