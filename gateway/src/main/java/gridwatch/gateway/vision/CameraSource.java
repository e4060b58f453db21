package gridwatch.gateway.vision;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.video.VideoStream;

import java.util.List;
import java.util.function.Consumer;

/**
 * A camera as a device: its stream, its analysis chain, and where the findings go. Cameras
 * produce findings rather than readings, so the reading sink of {@link Source#start} is unused;
 * the findings consumer (the alert pipeline) is given at construction.
 */
public final class CameraSource implements Source {

    private final String deviceId;
    private final VideoStream stream;
    private final SceneAnalyzer analyzer;
    private final Consumer<Finding> findings;
    private volatile List<String> ruleStates = List.of();

    public CameraSource(String deviceId, VideoStream stream, SceneAnalyzer analyzer, Consumer<Finding> findings) {
        this.deviceId = deviceId;
        this.stream = stream;
        this.analyzer = analyzer;
        this.findings = findings;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public void start(ReadingSink unused) {
        stream.start((frame, at) -> {
            SceneAnalyzer.Result r = analyzer.analyse(frame, at);
            ruleStates = r.ruleStates();
            r.findings().forEach(findings);
        });
    }

    public VideoStream stream() {
        return stream;
    }

    public SceneAnalyzer analyzer() {
        return analyzer;
    }

    @Override
    public String describe() {
        return stream.describe() + ", " + analyzer.inferences() + "/" + analyzer.frames() + " frames inferred"
                + (ruleStates.isEmpty() ? "" : "; " + String.join("; ", ruleStates));
    }

    @Override
    public void close() {
        stream.close();
        analyzer.close();
    }
}
