/**
 * A drone photo's EXIF, GPS and DJI XMP, read from its headers only; a tag the photo lacks is null, never guessed.
 * See docs/drone.md.
 */
@NullMarked
package gridwatch.drone.metadata;

import org.jspecify.annotations.NullMarked;
