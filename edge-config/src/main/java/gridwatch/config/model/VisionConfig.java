package gridwatch.config.model;

import java.nio.file.Path;

/**
 * The box's detector (one model shared by its cameras), motion gating, and the density model the
 * cameras that count by density share unless they name their own.
 */
public record VisionConfig(ModelConfig model, MotionConfig motion, DensityModelConfig densityModel) {

    public VisionConfig {
        motion = motion == null ? new MotionConfig(null, null, null, null) : motion;
    }

    public VisionConfig(ModelConfig model, MotionConfig motion) {
        this(model, motion, null);
    }

    /**
     * A density-map crowd counter (ONNX, e.g. MCNN), pinned by checksum.
     *
     * @param threads ONNX Runtime intra-op threads for one estimate
     */
    public record DensityModelConfig(Path path, String sha256, Integer threads) {
        public DensityModelConfig {
            threads = threads == null ? 1 : threads;
        }
    }

    /** An ONNX detector file (absolute once loaded), pinned by checksum. {@code classes} replaces COCO-80 for a site model. */
    public record ModelConfig(Path path, String sha256, Integer inputSize, Double minScore, Double nmsIou, Integer threads,
                              java.util.List<String> classes) {
        public ModelConfig {
            inputSize = inputSize == null ? 416 : inputSize;
            minScore = minScore == null ? 0.3 : minScore;
            nmsIou = nmsIou == null ? 0.45 : nmsIou;
            threads = threads == null ? 1 : threads;
        }
    }

    public record MotionConfig(Boolean enabled, Double pixelThreshold, Double minChangedFraction, Double refreshSeconds) {
        public MotionConfig {
            enabled = enabled == null || enabled;
            pixelThreshold = pixelThreshold == null ? 25.0 : pixelThreshold;
            minChangedFraction = minChangedFraction == null ? 0.002 : minChangedFraction;
            refreshSeconds = refreshSeconds == null ? 10.0 : refreshSeconds;
        }
    }
}
