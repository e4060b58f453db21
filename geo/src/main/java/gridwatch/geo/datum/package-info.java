/**
 * China's map datums: GCJ-02 and BD-09 to and from WGS-84 (CGCS2000 taken as WGS-84), named by the config, never guessed.
 * See docs/drone.md.
 */
@NullMarked
package gridwatch.geo.datum;

import org.jspecify.annotations.NullMarked;
