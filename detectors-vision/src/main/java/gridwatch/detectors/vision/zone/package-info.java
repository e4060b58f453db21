/** Zones and lines drawn on a camera's picture (normalised polygons, exclude masks, grid cells). */
@NullMarked
package gridwatch.detectors.vision.zone;

import org.jspecify.annotations.NullMarked;
