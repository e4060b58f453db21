package gridwatch.gateway.cli;

import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;
import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.runtime.GatewayConfigLoader;

import java.nio.file.Path;
import java.util.Optional;

/** Loads the config a command was given, or prints every error (file:line:column: path: reason). */
final class ConfigArgument {

    /** Exit status for an invalid config, as {@code validate} uses. */
    static final int INVALID = 2;

    private ConfigArgument() {
    }

    static Optional<EdgeConfig> load(Path file) {
        try {
            return Optional.of(new GatewayConfigLoader().load(file));
        } catch (ConfigException e) {
            e.errors().stream().map(ConfigError::format).forEach(System.err::println);
            return Optional.empty();
        }
    }
}
