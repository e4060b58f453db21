package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.List;

/** Extra profile directories, absolute once loaded (written relative to the config file). */
public record ProfilesConfig(List<Path> directories) {

    public ProfilesConfig(@Nullable List<Path> directories) {
        this.directories = directories == null ? List.of() : List.copyOf(directories);
    }
}
