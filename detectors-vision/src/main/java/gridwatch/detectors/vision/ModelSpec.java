package gridwatch.detectors.vision;

import java.nio.file.Path;

/**
 * Which model file to run and how: from config. {@code sha256} pins the exact file, so a
 * truncated download or a different export is refused instead of silently detecting nonsense.
 *
 * @param threads ONNX Runtime intra-op threads per detector (1 lets several cameras share cores)
 */
public record ModelSpec(Path path, String sha256, int inputSize, ClassMap classes, float minScore, float nmsIou, int threads) {

    public static ModelSpec yoloxNano(Path path, String sha256) {
        return new ModelSpec(path, sha256, 416, ClassMap.COCO, 0.3f, 0.45f, 1);
    }
}
