/** Garbage piles (垃圾堆放): a learnt clean scene and per-pixel persistence of what changed. */
@NullMarked
package gridwatch.detectors.vision.garbage;

import org.jspecify.annotations.NullMarked;
