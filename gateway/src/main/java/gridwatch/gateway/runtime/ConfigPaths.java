package gridwatch.gateway.runtime;

import gridwatch.config.model.EdgeConfig;

import java.nio.file.Path;
import java.util.List;

/** Relative paths in a config file are relative to the file, not to wherever the gateway started. */
public record ConfigPaths(Path baseDir) {

    public static ConfigPaths of(String configFile) {
        Path parent = Path.of(configFile).toAbsolutePath().getParent();
        return new ConfigPaths(parent == null ? Path.of(".").toAbsolutePath() : parent);
    }

    public Path resolve(String path) {
        return baseDir.resolve(path).normalize();
    }

    public List<Path> profileDirs(EdgeConfig c) {
        return c.profiles().directories().stream().map(this::resolve).toList();
    }
}
