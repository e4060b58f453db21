/** Cameras wired into the gateway: sources, the shared detector, the camera connector and the detect tool. */
@NullMarked
package gridwatch.gateway.vision;

import org.jspecify.annotations.NullMarked;
