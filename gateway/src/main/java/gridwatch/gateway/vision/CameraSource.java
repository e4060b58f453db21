package gridwatch.gateway.vision;

import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.video.VideoStream;

import java.util.List;

/**
 * A camera as a device: its stream and its analysis chain. Cameras produce findings rather than
 * readings; they go to the sink's {@link ReadingSink#finding}.
 */
public final class CameraSource implements Source {

    private final String deviceId;
    private final VideoStream stream;
    private final SceneAnalyzer analyzer;
    private volatile List<String> ruleStates = List.of();

    public CameraSource(String deviceId, VideoStream stream, SceneAnalyzer analyzer) {
        this.deviceId = deviceId;
        this.stream = stream;
        this.analyzer = analyzer;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public void start(ReadingSink sink) {
        stream.start((frame, at) -> {
            SceneAnalyzer.Result r = analyzer.analyse(frame, at);
            ruleStates = r.ruleStates();
            r.findings().forEach(sink::finding);
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
