package gridwatch.profiles;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;
import gridwatch.config.schema.SchemaValidator;
import gridwatch.config.yaml.YamlDocument;
import gridwatch.config.yaml.YamlReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads the built-in profiles (listed in {@code gridwatch/profiles/index.txt} on the classpath)
 * and then every {@code *.yaml} in the given directories; a later profile with the same name
 * replaces an earlier one, so a site can override a built-in model. All files are validated
 * against the profile schema and every error of every file is reported together.
 */
public final class ProfileLoader {

    static final String BUILT_IN_DIR = "gridwatch/profiles/";
    private static final String SCHEMA = "gridwatch/profiles/device-profile.schema.json";

    private final YamlReader reader = new YamlReader();
    private final SchemaValidator schema = new SchemaValidator(SCHEMA);
    private final ObjectMapper binder = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ProfileCatalog load(List<Path> directories) throws ConfigException {
        Map<String, DeviceProfile> byName = new LinkedHashMap<>();
        List<ConfigError> errors = new ArrayList<>();
        for (String resource : builtInNames()) {
            loadOne("classpath:" + BUILT_IN_DIR + resource, readClasspath(BUILT_IN_DIR + resource), byName, errors);
        }
        for (Path dir : directories) {
            if (!Files.isDirectory(dir)) {
                errors.add(new ConfigError(dir.toString(), 0, 0, "", "profile directory does not exist"));
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                    loadOne(f.toString(), Files.readString(f, StandardCharsets.UTF_8), byName, errors);
                }
            } catch (IOException e) {
                errors.add(new ConfigError(dir.toString(), 0, 0, "", "cannot list: " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new ProfileCatalog(byName);
    }

    private void loadOne(String file, String text, Map<String, DeviceProfile> byName, List<ConfigError> errors) {
        try {
            YamlDocument doc = reader.read(file, text);
            List<ConfigError> found = schema.validate(doc);
            if (!found.isEmpty()) {
                errors.addAll(found);
                return;
            }
            DeviceProfile bound = binder.treeToValue(doc.root(), DeviceProfile.class);
            DeviceProfile p = new DeviceProfile(bound.name(), bound.manufacturer(), bound.model(), bound.description(),
                    bound.kind(), bound.labels(), bound.protocols(), bound.deviceResources(), bound.cameras(), file);
            byName.put(p.name(), p);
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        } catch (IOException e) {
            errors.add(new ConfigError(file, 0, 0, "", String.valueOf(e.getMessage() != null ? e.getMessage() : e)));
        }
    }

    private static List<String> builtInNames() {
        return readClasspath(BUILT_IN_DIR + "index.txt").lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    private static String readClasspath(String resource) {
        try (InputStream in = ProfileLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
