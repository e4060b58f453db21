/**
 * Grid cells (网格) read from GeoJSON into WGS-84 and indexed for point lookups, naming the neighbours an uncertainty circle reaches.
 * See docs/drone.md.
 */
@NullMarked
package gridwatch.geo.grid;

import org.jspecify.annotations.NullMarked;
