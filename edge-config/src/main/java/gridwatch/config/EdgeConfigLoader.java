package gridwatch.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.schema.SchemaValidator;
import gridwatch.config.yaml.YamlDocument;
import gridwatch.config.yaml.YamlReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads one box's YAML: syntax, then the JSON Schema, then cross references and any extra
 * checks. Every error of a stage is reported together; a later stage runs only on a clean
 * earlier one (cross references on a half-valid tree would mostly repeat schema errors).
 * Every path in the result is absolute, resolved against the file's directory by
 * {@link ConfigPaths}; whether the files are there is {@link FileCheck}'s business, which the
 * gateway adds (this loader alone also validates a box's file away from the box).
 */
public final class EdgeConfigLoader {

    public static final String SCHEMA_RESOURCE = "gridwatch/config/edge-config.schema.json";

    private final YamlReader reader = new YamlReader();
    private final SchemaValidator schema = new SchemaValidator(SCHEMA_RESOURCE);
    private final ObjectMapper binder = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(PathBinding.module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final List<ConfigCheck> checks;

    public EdgeConfigLoader(List<ConfigCheck> extraChecks) {
        List<ConfigCheck> all = new ArrayList<>();
        all.add(new ReferenceCheck());
        all.addAll(extraChecks);
        this.checks = List.copyOf(all);
    }

    public EdgeConfigLoader() {
        this(List.of());
    }

    public EdgeConfig load(Path file) throws ConfigException {
        return load(reader.read(file));
    }

    /** Relative paths in {@code yaml} are taken as relative to {@code fileName}'s directory. */
    public EdgeConfig load(String fileName, String yaml) throws ConfigException {
        return load(reader.read(fileName, yaml));
    }

    private EdgeConfig load(YamlDocument doc) throws ConfigException {
        List<ConfigError> errors = schema.validate(doc);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        EdgeConfig config;
        try {
            config = binder.readerFor(EdgeConfig.class)
                    .withAttribute(PathBinding.ATTRIBUTE, ConfigPaths.of(doc.file()))
                    .readValue(PathBinding.withDefaultDirectories(doc.root()));
        } catch (MismatchedInputException e) {
            throw new ConfigException(List.of(doc.errorAt(pointerOf(e), e.getOriginalMessage())));
        } catch (Exception e) {
            throw new ConfigException(List.of(doc.errorAt("", String.valueOf(e.getMessage() != null ? e.getMessage() : e))));
        }
        for (ConfigCheck check : checks) {
            errors.addAll(check.check(doc, config));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return config;
    }

    private static String pointerOf(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            sb.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex()));
        }
        return sb.toString();
    }
}
