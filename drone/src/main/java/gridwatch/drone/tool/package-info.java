/** Part of GridWatch Edge; see docs/drone.md for this feature. */
@NullMarked
package gridwatch.drone.tool;

import org.jspecify.annotations.NullMarked;
