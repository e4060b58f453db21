package gridwatch.detectors.vision;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/**
 * A model that finds objects in a BGR image. Implementations are not thread-safe unless they say so.
 *
 * <p>Ownership: whoever constructs a detector that loads a model owns it and closes it once, after
 * the cameras using it are closed. Wrappers that only borrow a detector ({@link TiledDetector},
 * the gateway's shared view) leave it open when they are closed.
 */
public interface ObjectDetector extends AutoCloseable {

    /**
     * Detections in the image's own pixel coordinates, after non-maximum suppression. The image
     * stays the caller's.
     *
     * @throws ClosedException when the model has been closed
     */
    List<Detection> detect(Mat bgr);

    /**
     * Frees what this detector owns. A model waits (bounded) for an inference still running on
     * another thread, never frees under it, and refuses every later call with {@link ClosedException}.
     */
    @Override
    void close();
}
