/**
 * Patrol-to-patrol change at the object level: a photo registered image to image with an overlapping photo of the
 * previous patrol, and the objects each found compared (appeared, vanished). See docs/drone.md.
 */
@NullMarked
package gridwatch.drone.change;

import org.jspecify.annotations.NullMarked;
