/**
 * Image-to-image registration of two photos (AKAZE, SIFT; MAGSAC++ homography) and the design note's check of it.
 * See docs/drone.md.
 */
@NullMarked
package gridwatch.drone.match;

import org.jspecify.annotations.NullMarked;
