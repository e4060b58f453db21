package gridwatch.detectors.vision.density;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import gridwatch.detectors.vision.ClosedException;
import gridwatch.detectors.vision.OnnxModels;
import gridwatch.detectors.vision.UseGuard;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.FloatBuffer;
import java.time.Duration;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

/**
 * MCNN (Zhang et al., CVPR 2016; the svishwa/crowdcount-mcnn weights exported to ONNX, see
 * {@code ../shared/models/README.md}) on DJL's ONNX Runtime engine, CPU. Input: 8-bit greyscale
 * (0.299 R + 0.587 G + 0.114 B, which is OpenCV's BGR→grey) as float32 with the raw 0–255 values, no
 * mean, no scaling, both sides a multiple of 4; output: a density map at a quarter of the input's
 * size whose sum is the count. The file's sha256 is checked before loading.
 *
 * <p>Native memory, all owned and freed here: the ONNX Runtime session (DJL's {@link ZooModel} and
 * {@link Predictor}); per {@link #prepare} the grey and resized images, per {@link #estimate} the input
 * and output tensors (a sub-{@link NDManager}), each freed before the call returns. {@link #close()}
 * may come from another thread than the estimates (a shutdown): it waits up to
 * {@value #CLOSE_WAIT_SECONDS} s for a running one, after which that estimate frees the model itself as
 * it ends; calls after it are refused with a {@link ClosedException}.
 *
 * <p>Each new input size costs ONNX Runtime one re-plan (measured in the models README): a camera keeps
 * one size, and cameras sharing a counter should share their input width too.
 */
public final class McnnCounter implements DensityCounter {

    private static final long CLOSE_WAIT_SECONDS = 10;

    private final DensityModelSpec spec;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final UseGuard guard;

    public McnnCounter(DensityModelSpec spec) {
        this.spec = spec;
        this.model = OnnxModels.load(spec.path(), spec.sha256(), spec.threads());
        try {
            this.predictor = model.newPredictor();
        } catch (RuntimeException | Error e) {
            model.close(); // half-built: nobody else could free it
            throw e;
        }
        this.guard = new UseGuard("density model " + spec.path().getFileName(), this::free);
    }

    @Override
    public DensityInput prepare(Mat image, int inputWidth) {
        return guard.use(() -> grey(image, inputWidth));
    }

    /** Allocates its working images per call (cameras prepare on their own threads at once) and frees them before returning. */
    private static DensityInput grey(Mat image, int inputWidth) {
        int w = Math.max(4, Math.min(inputWidth, image.cols()) / 4 * 4);
        int h = Math.max(4, (int) Math.round((double) image.rows() * w / image.cols() / 4) * 4);
        try (Mat grey = new Mat(); Mat small = new Mat(); Mat f = new Mat(); Size size = new Size(w, h)) {
            Mat src = image;
            if (image.channels() != 1) {
                opencv_imgproc.cvtColor(image, grey, image.channels() == 4 ? opencv_imgproc.COLOR_BGRA2GRAY : opencv_imgproc.COLOR_BGR2GRAY);
                src = grey;
            }
            // Shrinking a 1080p frame: area averaging keeps small heads as blobs instead of aliasing them away.
            opencv_imgproc.resize(src, small, size, 0, 0, w < image.cols() ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_LINEAR);
            small.convertTo(f, CV_32F);
            float[] px = new float[w * h];
            ((FloatBuffer) f.createBuffer()).get(px); // a freshly made Mat is one continuous block
            return new DensityInput(px, 1, w, h, image.cols(), image.rows());
        }
    }

    @Override
    public synchronized DensityMap estimate(DensityInput input) {
        return guard.use(() -> infer(input));
    }

    private DensityMap infer(DensityInput in) {
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.create(in.pixels(), new Shape(1, in.channels(), in.height(), in.width()));
            NDArray out = predictor.predict(new NDList(x)).singletonOrThrow();
            Shape s = out.getShape();
            int mh = Math.toIntExact(s.get(s.dimension() - 2));
            int mw = Math.toIntExact(s.get(s.dimension() - 1));
            return new DensityMap(out.toFloatArray(), mw, mh);
        } catch (TranslateException e) {
            throw new IllegalStateException("density inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return spec.path().getFileName().toString();
    }

    public DensityModelSpec spec() {
        return spec;
    }

    /** Refuses new calls, waits for a running estimate (bounded) and frees the model. Any thread; a second call is harmless. */
    @Override
    public void close() {
        guard.close(Duration.ofSeconds(CLOSE_WAIT_SECONDS));
    }

    /** Runs once, when no call is running: on the closing thread, or on the last call's. */
    private void free() {
        try {
            predictor.close();
        } finally {
            model.close();
        }
    }
}
