package gridwatch.gateway.ingest.video;

import org.bytedeco.opencv.opencv_core.Mat;

import java.time.Instant;

/** Receives the frames due for analysis. The Mat is only valid during the call. */
@FunctionalInterface
public interface FrameConsumer {

    void frame(Mat bgr, Instant at);
}
