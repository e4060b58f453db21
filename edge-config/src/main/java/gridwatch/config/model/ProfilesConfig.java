package gridwatch.config.model;

import java.nio.file.Path;
import java.util.List;

/** Extra profile directories, absolute once loaded (written relative to the config file). */
public record ProfilesConfig(List<Path> directories) {

    public ProfilesConfig {
        directories = directories == null ? List.of() : List.copyOf(directories);
    }
}
