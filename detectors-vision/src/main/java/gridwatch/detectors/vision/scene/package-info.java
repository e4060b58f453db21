/** Scene rules: the per-camera rule set fed with each analysed frame's detections and tracks. */
@NullMarked
package gridwatch.detectors.vision.scene;

import org.jspecify.annotations.NullMarked;
