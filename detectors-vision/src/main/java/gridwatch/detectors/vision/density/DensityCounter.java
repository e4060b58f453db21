package gridwatch.detectors.vision.density;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A model that estimates how many people a picture holds as a density map (one value per cell; the
 * map's sum is the count). The work is split in two so that the slow half can run away from the
 * camera's threads: {@link #prepare} copies what the model needs of the frame to the Java heap (a
 * resize and a colour conversion: a few milliseconds), {@link #estimate} runs the model on that copy
 * (a tenth of a second to a second).
 *
 * <p>Ownership: whoever constructs a counter that loads a model owns it and closes it once, after the
 * cameras using it are closed. {@link #close()} waits (bounded) for an estimate still running and
 * refuses every later call with a {@link gridwatch.detectors.vision.ClosedException}.
 */
public interface DensityCounter extends AutoCloseable {

    /**
     * The model's input for {@code image} (BGR, grey or BGRA) scaled to {@code inputWidth} pixels wide (never
     * enlarged). Thread-safe: any camera's analysis thread. The image stays the caller's; the result holds
     * no native memory.
     *
     * @throws gridwatch.detectors.vision.ClosedException after {@link #close()}
     */
    DensityInput prepare(Mat image, int inputWidth);

    /**
     * The density map of a prepared input, covering the whole frame. Thread-safe; callers are served one
     * at a time. Blocks for the length of an inference.
     *
     * @throws gridwatch.detectors.vision.ClosedException after {@link #close()}
     */
    DensityMap estimate(DensityInput input);

    /** What the counter is, for logs and /health ("mcnn_shtechA.onnx"). */
    String name();

    @Override
    void close();
}
