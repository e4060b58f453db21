package gridwatch.detectors.vision.density;

import java.nio.file.Path;

/**
 * Which density model file to run, pinned by checksum (a truncated download or a different export is
 * refused before it loads), with how many ONNX Runtime threads one inference may use.
 */
public record DensityModelSpec(Path path, String sha256, int threads) {
}
