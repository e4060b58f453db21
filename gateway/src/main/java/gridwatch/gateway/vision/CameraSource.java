package gridwatch.gateway.vision;

import gridwatch.detectors.vision.density.DensitySampler;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.video.VideoStream;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A camera as a device: its stream and its analysis chain. Cameras produce findings rather than
 * readings; they go to the sink's {@link ReadingSink#finding}, on the camera's analysis thread.
 *
 * <p>Owns its stream and its analyzer (and through it the rules' and motion gate's native
 * memory); borrows the model, which the {@link VisionFactory} owns and closes after its cameras.
 * {@link #close()} keeps the shutdown order: stop decoding, let the analysis thread finish its
 * frame and end, then free the rules (each step bounded, none freeing under a running frame).
 */
public final class CameraSource implements Source {

    private final String deviceId;
    private final VideoStream stream;
    private final SceneAnalyzer analyzer;
    private volatile List<String> ruleStates = List.of();
    private final AtomicReference<@Nullable CompletableFuture<SceneAnalyzer.Result>> nextFrame = new AtomicReference<>();

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
            CompletableFuture<SceneAnalyzer.Result> waiting = nextFrame.getAndSet(null);
            if (waiting != null) {
                waiting.complete(r);
            }
        });
    }

    /**
     * The result of the next frame this camera analyses (a re-check asked for by the center). The
     * frame goes through the rules as usual; the future completes on the camera's analysis thread
     * (its holder must not block there). Callers that ask at once share one frame.
     */
    public CompletableFuture<SceneAnalyzer.Result> nextAnalysedFrame() {
        CompletableFuture<SceneAnalyzer.Result> fresh = new CompletableFuture<>();
        CompletableFuture<SceneAnalyzer.Result> existing = nextFrame.compareAndExchange(null, fresh);
        return existing != null ? existing : fresh;
    }

    public VideoStream stream() {
        return stream;
    }

    public SceneAnalyzer analyzer() {
        return analyzer;
    }

    @Override
    public String describe() {
        DensitySampler density = analyzer.density();
        return stream.describe() + ", " + analyzer.inferences() + "/" + analyzer.frames() + " frames inferred"
                + (density == null ? "" : ", " + density.estimates() + " density estimates"
                + (density.failures() == 0 ? "" : " (" + density.failures() + " failed)"))
                + (ruleStates.isEmpty() ? "" : "; " + String.join("; ", ruleStates));
    }

    /** Idempotent; any thread. The analyzer is closed even if stopping the stream fails. */
    @Override
    public void close() {
        try {
            stream.close();
        } finally {
            analyzer.close();
        }
    }
}
