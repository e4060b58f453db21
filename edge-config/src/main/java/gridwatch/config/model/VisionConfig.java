package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

/**
 * The box's detector (one model shared by its cameras), motion gating, and the density model the
 * cameras that count by density share unless they name their own.
 */
public record VisionConfig(@Nullable ModelConfig model, MotionConfig motion, @Nullable DensityModelConfig densityModel) {

    public VisionConfig(@Nullable ModelConfig model, @Nullable MotionConfig motion, @Nullable DensityModelConfig densityModel) {
        this.model = model;
        this.motion = motion == null ? new MotionConfig(null, null, null, null) : motion;
        this.densityModel = densityModel;
    }

    public VisionConfig(@Nullable ModelConfig model, @Nullable MotionConfig motion) {
        this(model, motion, null);
    }

    /**
     * A density-map crowd counter (ONNX, e.g. MCNN), pinned by checksum.
     *
     * @param threads ONNX Runtime intra-op threads for one estimate
     */
    public record DensityModelConfig(Path path, String sha256, Integer threads) {
        public DensityModelConfig(Path path, String sha256, @Nullable Integer threads) {
            this.path = path;
            this.sha256 = sha256;
            this.threads = threads == null ? 1 : threads;
        }
    }

    /** An ONNX detector file (absolute once loaded), pinned by checksum. {@code classes} replaces COCO-80 for a site model. */
    public record ModelConfig(Path path, String sha256, Integer inputSize, Double minScore, Double nmsIou, Integer threads,
                              java.util.@Nullable List<String> classes) {
        public ModelConfig(Path path, String sha256, @Nullable Integer inputSize, @Nullable Double minScore,
                           @Nullable Double nmsIou, @Nullable Integer threads,
                           java.util.@Nullable List<String> classes) {
            this.path = path;
            this.sha256 = sha256;
            this.inputSize = inputSize == null ? 416 : inputSize;
            this.minScore = minScore == null ? 0.3 : minScore;
            this.nmsIou = nmsIou == null ? 0.45 : nmsIou;
            this.threads = threads == null ? 1 : threads;
            this.classes = classes;
        }
    }

    public record MotionConfig(Boolean enabled, Double pixelThreshold, Double minChangedFraction, Double refreshSeconds) {
        public MotionConfig(@Nullable Boolean enabled, @Nullable Double pixelThreshold,
                            @Nullable Double minChangedFraction, @Nullable Double refreshSeconds) {
            this.enabled = enabled == null || enabled;
            this.pixelThreshold = pixelThreshold == null ? 25.0 : pixelThreshold;
            this.minChangedFraction = minChangedFraction == null ? 0.002 : minChangedFraction;
            this.refreshSeconds = refreshSeconds == null ? 10.0 : refreshSeconds;
        }
    }
}
