package gridwatch.gateway.ingest.mqttjson;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * The JSON paths profiles use ({@code $.data.waterLevel}, {@code $.readings[0].v}) as Jackson
 * pointers. Only member and index steps are supported: filters and wildcards have no place in
 * a device model.
 */
final class JsonPaths {

    private JsonPaths() {
    }

    static JsonPointer toPointer(String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("a JSON path starts with $: " + path);
        }
        StringBuilder p = new StringBuilder();
        String rest = path.substring(1);
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
                    end++;
                }
                p.append('/').append(rest, i + 1, end);
                i = end;
            } else if (c == '[') {
                int end = rest.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed [ in " + path);
                }
                String inner = rest.substring(i + 1, end).replace("'", "").replace("\"", "");
                p.append('/').append(inner);
                i = end + 1;
            } else {
                throw new IllegalArgumentException("unsupported JSON path " + path);
            }
        }
        return JsonPointer.compile(p.toString());
    }
}
