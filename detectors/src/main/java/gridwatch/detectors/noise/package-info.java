/** Noise over the limits of GB 3096 / GB 12523, by functional zone and day/night in site time. */
@NullMarked
package gridwatch.detectors.noise;

import org.jspecify.annotations.NullMarked;
