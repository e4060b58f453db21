package gridwatch.detectors.vision;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/** A model that finds objects in a BGR image. Implementations are not thread-safe unless they say so. */
public interface ObjectDetector extends AutoCloseable {

    /** Detections in the image's own pixel coordinates, after non-maximum suppression. */
    List<Detection> detect(Mat bgr);

    @Override
    void close();
}
