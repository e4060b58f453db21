package gridwatch.gateway.vision;

import gridwatch.detectors.vision.Detection;
import gridwatch.detectors.vision.ObjectDetector;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/**
 * One model for all of a box's cameras, used by one camera at a time. At 1–5 analysed frames/s
 * per camera an inference (~9 ms for YOLOX-nano on one core) is rarely contended, and one copy
 * of the model's weights and ONNX Runtime arena is what keeps memory per camera small.
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

    void closeModel() {
        model.close();
    }
}
