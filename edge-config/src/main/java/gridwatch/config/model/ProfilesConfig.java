package gridwatch.config.model;

import java.util.List;

public record ProfilesConfig(List<String> directories) {

    public ProfilesConfig {
        directories = directories == null ? List.of() : List.copyOf(directories);
    }
}
