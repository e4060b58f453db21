/** Video analysis: frames in, findings out; the camera's analysis loop, its settings and the shared vision types. */
@NullMarked
package gridwatch.detectors.vision;

import org.jspecify.annotations.NullMarked;
