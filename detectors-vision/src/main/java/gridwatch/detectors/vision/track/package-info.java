/** Object tracking across frames (IoU matching with a distance fallback for low frame rates). */
@NullMarked
package gridwatch.detectors.vision.track;

import org.jspecify.annotations.NullMarked;
