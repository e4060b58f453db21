package gridwatch.config;

import gridwatch.config.model.EdgeConfig;
import gridwatch.config.yaml.YamlDocument;

import java.util.List;

/**
 * A check that needs more than the schema: cross references, or knowledge the config module
 * does not have (the gateway adds one that looks device profiles up).
 */
@FunctionalInterface
public interface ConfigCheck {

    List<ConfigError> check(YamlDocument doc, EdgeConfig config);
}
