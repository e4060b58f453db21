/**
 * The gridwatch drone tool's output: one JSON line per photo, and annotated copies.
 * See docs/drone.md.
 */
@NullMarked
package gridwatch.drone.tool;

import org.jspecify.annotations.NullMarked;
