package gridwatch.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gridwatch.config.model.InfluxConfig;
import gridwatch.config.model.OutboxConfig;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Binds the model's paths through the {@link ConfigPaths} of the file being loaded, which the
 * loader hands to Jackson as a per-call attribute (so one mapper serves every file). Every
 * {@link Path} in the model goes through {@link #module()}; a string that may be a URL or a path
 * (a camera's {@code url}) says so with {@code @JsonDeserialize(using = PathBinding.UrlOrPath.class)}.
 */
public final class PathBinding {

    /** The attribute key under which the loader passes the {@link ConfigPaths} of the file. */
    static final Class<ConfigPaths> ATTRIBUTE = ConfigPaths.class;

    private PathBinding() {
    }

    static Module module() {
        return new SimpleModule("gridwatch-config-paths").addDeserializer(Path.class, new PathDeserializer());
    }

    /**
     * The tree with the default directories filled in where the user set none. They are relative
     * to the config file like any other path, so they are bound like one instead of being a
     * constant in the record, which could only be relative to the working directory.
     */
    static JsonNode withDefaultDirectories(JsonNode root) {
        ObjectNode copy = (ObjectNode) root.deepCopy();
        JsonNode outbox = copy.path("outbox");
        ObjectNode o = outbox.isObject() ? (ObjectNode) outbox : copy.putObject("outbox");
        if (!o.has("directory")) {
            o.put("directory", OutboxConfig.DEFAULT_DIRECTORY);
        }
        if (copy.path("timeseries").path("influxdb") instanceof ObjectNode influx && !influx.has("spoolDirectory")) {
            influx.put("spoolDirectory", InfluxConfig.DEFAULT_SPOOL_DIRECTORY);
        }
        return copy;
    }

    private static ConfigPaths paths(DeserializationContext ctxt) {
        if (ctxt.getAttribute(ATTRIBUTE) instanceof ConfigPaths p) {
            return p;
        }
        throw new IllegalStateException("config paths are bound by EdgeConfigLoader, which knows the file's directory");
    }

    private static final class PathDeserializer extends StdScalarDeserializer<Path> {

        PathDeserializer() {
            super(Path.class);
        }

        @Override
        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Path) ctxt.handleUnexpectedToken(Path.class, p);
            }
            String text = p.getText();
            try {
                return paths(ctxt).resolve(text);
            } catch (InvalidPathException e) {
                throw ctxt.weirdStringException(text, Path.class, "not a file path (" + e.getReason() + ")");
            }
        }
    }

    /** A URL as written, or a path resolved against the config file's directory. */
    public static final class UrlOrPath extends StdScalarDeserializer<String> {

        public UrlOrPath() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            try {
                return paths(ctxt).resolveUrlOrPath(text);
            } catch (InvalidPathException e) {
                throw ctxt.weirdStringException(text, String.class, "neither a URL nor a file path (" + e.getReason() + ")");
            }
        }
    }
}
