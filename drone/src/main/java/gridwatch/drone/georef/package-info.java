/**
 * The camera pose a photo supports (or the reasons there is none) and the pinhole ray to the ground plane, with uncertainty, GSD and footprint.
 * See docs/drone.md.
 */
@NullMarked
package gridwatch.drone.georef;

import org.jspecify.annotations.NullMarked;
