/** Sliding time windows of sound levels: Leq, maximum and percentiles at O(1) per sample. */
@NullMarked
package gridwatch.detectors.window;

import org.jspecify.annotations.NullMarked;
