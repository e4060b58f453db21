package gridwatch.detectors.vision;

import java.nio.file.Files;
import java.nio.file.Path;

/** The team's shared models and test media beside the project root (never copied into the repo). */
public final class Shared {

    public static final String YOLOX_NANO_SHA256 = "695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14";

    private Shared() {
    }

    public static Path path(String relative) {
        Path p = Path.of(System.getProperty("gridwatch.shared", "../shared")).resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared test data missing: " + p.toAbsolutePath()
                    + " (clone the project beside the team's shared/ folder)");
        }
        return p;
    }

    public static ModelSpec yoloxNano() {
        return ModelSpec.yoloxNano(path("models/yolox_nano.onnx"), YOLOX_NANO_SHA256);
    }
}
