package gridwatch.detectors.vision;

import gridwatch.detectors.vision.density.DensityModelSpec;

import java.nio.file.Files;
import java.nio.file.Path;

/** The team's shared models and test media beside the project root (never copied into the repo). */
public final class Shared {

    public static final String YOLOX_NANO_SHA256 = "695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14";
    public static final String MCNN_A_SHA256 = "cb4e9ff439ad497a1bddb9eab0f6b5cbf711a8a3b26f232fd90c27def9f725cb";

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

    /** MCNN trained on ShanghaiTech part A (dense crowds), one ONNX Runtime thread. */
    public static DensityModelSpec mcnnA() {
        return new DensityModelSpec(path("models/mcnn_shtechA.onnx"), MCNN_A_SHA256, 1);
    }
}
