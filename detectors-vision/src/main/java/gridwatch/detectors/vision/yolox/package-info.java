/** The YOLOX object detector on ONNX Runtime: letterbox, inference, grid decode and NMS, tiles for crowds. */
@NullMarked
package gridwatch.detectors.vision.yolox;

import org.jspecify.annotations.NullMarked;
