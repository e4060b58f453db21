package gridwatch.gateway.vision;

import gridwatch.detectors.vision.Detection;
import gridwatch.detectors.vision.ObjectDetector;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/**
 * One model for all of a box's cameras, used by one camera at a time. At 1–5 analysed frames/s
 * per camera an inference (~9 ms for YOLOX-nano on one core) is rarely contended, and one copy
 * of the model's weights and ONNX Runtime arena is what keeps memory per camera small.
 *
 * <p>A borrowed view: cameras close it without effect; the {@link VisionFactory} that made it
 * frees the model through {@link #closeModel()}, which waits for an inference still running
 * (bounded; see {@code YoloxDetector}) and refuses the next ones with a {@code ClosedException}.
 * {@link #detect} runs on each camera's analysis thread and blocks while another camera infers.
 */
final class SharedDetector implements ObjectDetector {

    private final ObjectDetector model;

    SharedDetector(ObjectDetector model) {
        this.model = model;
    }

    @Override
    public synchronized List<Detection> detect(Mat bgr) {
        return model.detect(bgr);
    }

    /** The cameras do not own the model; the gateway closes it once. */
    @Override
    public void close() {
    }

    /** Not synchronized: a shutdown must not queue behind every camera waiting for the model. */
    void closeModel() {
        model.close();
    }
}
