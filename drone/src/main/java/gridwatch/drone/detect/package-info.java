/**
 * Objects in patrol photos: the box's detector on overlapping tiles at the ground resolution each object group needs,
 * each detection put on the ground; sightings of one object in overlapping photos matched by ground position.
 * See docs/drone.md.
 */
@NullMarked
package gridwatch.drone.detect;

import org.jspecify.annotations.NullMarked;
