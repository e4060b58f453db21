package gridwatch.gateway.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The team's shared models and media beside the project root (surefire sets gridwatch.shared). */
public final class SharedData {

    public static final String YOLOX_NANO_SHA256 = "695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14";

    private SharedData() {
    }

    public static Path path(String relative) {
        Path p = Path.of(System.getProperty("gridwatch.shared", "../../shared")).resolve(relative).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared test data missing: " + p + " (clone the project beside the team's shared/ folder)");
        }
        return p;
    }
}
