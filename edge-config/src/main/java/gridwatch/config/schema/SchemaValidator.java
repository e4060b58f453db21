package gridwatch.config.schema;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import gridwatch.config.ConfigError;
import gridwatch.config.yaml.JsonPointers;
import gridwatch.config.yaml.YamlDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a {@link YamlDocument} against a JSON Schema (draft 2020-12) from the classpath and
 * turns each violation into a {@link ConfigError} pinned to its line. Thread-safe once built.
 */
public final class SchemaValidator {

    private final JsonSchema schema;

    public SchemaValidator(String classpathResource) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException("schema not on classpath: " + classpathResource);
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation, ordered by position in the file, duplicates removed. */
    public List<ConfigError> validate(YamlDocument doc) {
        Set<ValidationMessage> messages = schema.validate(doc.root());
        Map<String, ConfigError> unique = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            ConfigError error = toError(doc, m);
            unique.putIfAbsent(error.format(), error);
        }
        List<ConfigError> sorted = new ArrayList<>(unique.values());
        sorted.sort(Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column));
        return sorted;
    }

    private static ConfigError toError(YamlDocument doc, ValidationMessage m) {
        String pointer = m.getInstanceLocation().toString();
        String keyword = m.getType();
        if (("additionalProperties".equals(keyword) || "unevaluatedProperties".equals(keyword)) && m.getProperty() != null) {
            return doc.errorAt(JsonPointers.child(pointer, m.getProperty()), "unknown key (not in the schema; check the spelling)");
        }
        if ("required".equals(keyword) && m.getProperty() != null) {
            String parent = JsonPointers.toDotted(pointer);
            ConfigError at = doc.errorAt(pointer, "");
            String field = parent.isEmpty() ? m.getProperty() : parent + "." + m.getProperty();
            return new ConfigError(at.file(), at.line(), at.column(), field, "is required but missing");
        }
        return doc.errorAt(pointer, describe(m));
    }

    private static String describe(ValidationMessage m) {
        String error = m.getError();
        return error == null || error.isBlank() ? m.getMessage() : error;
    }
}
