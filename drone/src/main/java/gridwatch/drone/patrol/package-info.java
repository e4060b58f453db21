/** Part of GridWatch Edge; see docs/drone.md for this feature. */
@NullMarked
package gridwatch.drone.patrol;

import org.jspecify.annotations.NullMarked;
