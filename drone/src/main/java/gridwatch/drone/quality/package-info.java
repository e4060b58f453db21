/**
 * The quality gates: warnings as a sealed type (what was seen, in English and Chinese), the editor check and the frame gates.
 * See docs/drone.md.
 */
@NullMarked
package gridwatch.drone.quality;

import org.jspecify.annotations.NullMarked;
