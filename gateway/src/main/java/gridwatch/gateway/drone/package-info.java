/** Part of GridWatch Edge; see docs/drone.md. */
@NullMarked
package gridwatch.gateway.drone;

import org.jspecify.annotations.NullMarked;
