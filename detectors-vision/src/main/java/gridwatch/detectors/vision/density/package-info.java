/**
 * Crowd counting by density map, beside the box detector: a {@link gridwatch.detectors.vision.density.DensityCounter}
 * turns a frame into a map whose sum is the number of people, {@link gridwatch.detectors.vision.density.DensityZones}
 * sums it over each image zone, a {@link gridwatch.detectors.vision.density.DensitySampler} runs it every few seconds
 * per camera off the camera's threads, and {@link gridwatch.detectors.vision.density.HybridCount} decides, zone by
 * zone, whether the detector's tracked people or the density count is the number a rule should use.
 */
@NullMarked
package gridwatch.detectors.vision.density;

import org.jspecify.annotations.NullMarked;
