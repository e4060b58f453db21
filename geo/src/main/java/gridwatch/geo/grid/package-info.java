/** Part of GridWatch Edge; see the README for the module map and docs/drone.md for this feature. */
@NullMarked
package gridwatch.geo.grid;

import org.jspecify.annotations.NullMarked;
