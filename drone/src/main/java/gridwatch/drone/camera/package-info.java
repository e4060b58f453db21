/**
 * The camera table (sensor width per model, from the drone-camera profile) and a photo's focal length in pixels.
 * See docs/drone.md.
 */
@NullMarked
package gridwatch.drone.camera;

import org.jspecify.annotations.NullMarked;
