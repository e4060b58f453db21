/**
 * WGS-84 positions and the ellipsoid near a point: radii of curvature and local east/north offsets in metres.
 * See docs/drone.md.
 */
@NullMarked
package gridwatch.geo.earth;

import org.jspecify.annotations.NullMarked;
