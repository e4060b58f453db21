package gridwatch.detectors.vision.yolox;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import gridwatch.detectors.vision.Detection;
import gridwatch.detectors.vision.ModelFile;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.Nms;
import gridwatch.detectors.vision.ObjectDetector;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * YOLOX (COCO or a site model) on DJL's ONNX Runtime engine, CPU. Preprocessing and decoding
 * follow the official export (see {@link Letterbox}, {@link YoloxDecoder}); NMS is class-aware.
 * The file's sha256 is checked before loading. Not thread-safe: one per analysis thread.
 *
 * <p>DJL must run offline ({@code ai.djl.offline=true}, {@code OPT_OUT_TRACKING=true}): otherwise
 * it contacts the network when the engine starts. The launcher and the tests set both.
 */
public final class YoloxDetector implements ObjectDetector {

    private final ModelSpec spec;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final Letterbox letterbox;
    private final YoloxDecoder decoder;
    private float[] output;

    public YoloxDetector(ModelSpec spec) {
        ModelFile.verify(spec.path(), spec.sha256());
        this.spec = spec;
        try {
            this.model = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(spec.path())
                    .optEngine("OnnxRuntime")
                    .optTranslator(new NoopTranslator())
                    .optOption("intraOpNumThreads", Integer.toString(spec.threads()))
                    .optOption("interOpNumThreads", "1")
                    .build()
                    .loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new ModelFile.ModelRefusedException("ONNX Runtime cannot load " + spec.path() + ": " + e.getMessage());
        }
        this.predictor = model.newPredictor();
        this.letterbox = new Letterbox(spec.inputSize());
        this.decoder = new YoloxDecoder(spec.inputSize(), spec.classes());
    }

    @Override
    public List<Detection> detect(Mat image) {
        FloatBuffer chw = letterbox.apply(image);
        float ratio = letterbox.ratio(image.cols(), image.rows());
        float[] out = infer(chw);
        return Nms.classAware(decoder.decode(out, ratio, image.cols(), image.rows(), spec.minScore()), spec.nmsIou(), 300);
    }

    /** The model alone on an already preprocessed CHW input (the benchmark's baseline). The array is reused by the next call. */
    public float[] infer(FloatBuffer chw) {
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

    @Override
    public void close() {
        predictor.close();
        model.close();
        letterbox.close();
    }
}
