package gridwatch.detectors.vision.yolox;

import org.jspecify.annotations.Nullable;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import gridwatch.detectors.vision.ClosedException;
import gridwatch.detectors.vision.Detection;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.Nms;
import gridwatch.detectors.vision.ObjectDetector;
import gridwatch.detectors.vision.OnnxModels;
import gridwatch.detectors.vision.UseGuard;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.FloatBuffer;
import java.time.Duration;
import java.util.List;

/**
 * YOLOX (COCO or a site model) on DJL's ONNX Runtime engine, CPU. Preprocessing and decoding
 * follow the official export (see {@link Letterbox}, {@link YoloxDecoder}); NMS is class-aware.
 * The file's sha256 is checked before loading. Not thread-safe for detection: one thread at a
 * time (a shared model serialises its callers, see the gateway's {@code SharedDetector}).
 *
 * <p>Native memory, all owned and freed here: the ONNX Runtime session (DJL's {@link ZooModel}
 * and {@link Predictor}), the {@link Letterbox}'s OpenCV buffers, and per inference the input and
 * output tensors, attached to a sub-{@link NDManager} closed before {@link #infer} returns.
 * {@link #close()} may come from another thread than the inferences (a shutdown): it waits up to
 * {@value #CLOSE_WAIT_SECONDS} s for a running inference; after that the inference frees the model
 * itself as it ends. Either way nothing is freed under a running inference, and every call after
 * {@link #close()} is refused with a {@link ClosedException}.
 *
 * <p>DJL must run offline ({@code ai.djl.offline=true}, {@code OPT_OUT_TRACKING=true}): otherwise
 * it contacts the network when the engine starts. The launcher and the tests set both.
 */
public final class YoloxDetector implements ObjectDetector {

    private static final long CLOSE_WAIT_SECONDS = 10;

    private final ModelSpec spec;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final Letterbox letterbox;
    private final YoloxDecoder decoder;
    private final UseGuard guard;
    private float @Nullable [] output;

    public YoloxDetector(ModelSpec spec) {
        this.spec = spec;
        this.model = OnnxModels.load(spec.path(), spec.sha256(), spec.threads());
        try {
            this.predictor = model.newPredictor();
            this.letterbox = new Letterbox(spec.inputSize());
        } catch (RuntimeException | Error e) {
            model.close(); // half-built: nobody else could free it
            throw e;
        }
        this.decoder = new YoloxDecoder(spec.inputSize(), spec.classes());
        this.guard = new UseGuard("model " + spec.path().getFileName(), this::free);
    }

    /** @throws ClosedException after {@link #close()} */
    @Override
    public List<Detection> detect(Mat image) {
        return guard.use(() -> {
            FloatBuffer chw = letterbox.apply(image);
            float ratio = letterbox.ratio(image.cols(), image.rows());
            float[] out = infer(chw);
            return Nms.classAware(decoder.decode(out, ratio, image.cols(), image.rows(), spec.minScore()), spec.nmsIou(), 300);
        });
    }

    /**
     * The model alone on an already preprocessed CHW input (the benchmark's baseline). The array is reused by the next call.
     *
     * @throws ClosedException after {@link #close()}
     */
    public float[] infer(FloatBuffer chw) {
        return guard.use(() -> inferNow(chw));
    }

    private float[] inferNow(FloatBuffer chw) {
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray input = m.create(chw.rewind(), new Shape(1, 3, spec.inputSize(), spec.inputSize()));
            NDArray out = predictor.predict(new NDList(input)).singletonOrThrow();
            // Read into a reused array: a fresh 1.2 MB array per frame is garbage at 100 frames/s.
            int n = Math.toIntExact(out.size());
            if (output == null || output.length != n) {
                output = new float[n];
            }
            out.toByteBuffer().asFloatBuffer().get(output);
            return output;
        } catch (TranslateException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    /**
     * Refuses new inferences, waits for a running one (bounded, see the class comment) and frees
     * the model. Any thread; a second call is harmless.
     */
    @Override
    public void close() {
        guard.close(Duration.ofSeconds(CLOSE_WAIT_SECONDS));
    }

    /** Runs once, when no inference is running: on the closing thread, or on the last inference's. */
    private void free() {
        try {
            predictor.close();
        } finally {
            try {
                model.close();
            } finally {
                letterbox.close();
            }
        }
    }
}
