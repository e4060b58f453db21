/**
 * A patrol's photos judged together: re-saved photos' yaw settled against their neighbours, footprint overlap, ground agreement.
 * See docs/drone.md.
 */
@NullMarked
package gridwatch.drone.patrol;

import org.jspecify.annotations.NullMarked;
