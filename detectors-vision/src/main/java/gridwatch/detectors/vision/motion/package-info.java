/** Motion gating: frames with nothing moving skip inference and reuse the last detections. */
@NullMarked
package gridwatch.detectors.vision.motion;

import org.jspecify.annotations.NullMarked;
