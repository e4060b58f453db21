package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

/** The box's detector (one model shared by its cameras) and motion gating. */
public record VisionConfig(@Nullable ModelConfig model, MotionConfig motion) {

    @SuppressWarnings("NullAway") // absent YAML fields arrive as null; see package-info
    public VisionConfig {
        motion = motion == null ? new MotionConfig(null, null, null, null) : motion;
    }

    /** An ONNX detector file (absolute once loaded), pinned by checksum. {@code classes} replaces COCO-80 for a site model. */
    public record ModelConfig(Path path, String sha256, Integer inputSize, Double minScore, Double nmsIou, Integer threads,
                              java.util.@Nullable List<String> classes) {
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
