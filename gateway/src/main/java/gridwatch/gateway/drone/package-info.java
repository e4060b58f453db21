/**
 * The gridwatch drone command's work, apart from its options so that picocli loads no drone class unless it runs.
 * See docs/drone.md.
 */
@NullMarked
package gridwatch.gateway.drone;

import org.jspecify.annotations.NullMarked;
