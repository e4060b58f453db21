/** Part of GridWatch Edge; see the README for the module map and docs/drone.md for this feature. */
@NullMarked
package gridwatch.geo.datum;

import org.jspecify.annotations.NullMarked;
