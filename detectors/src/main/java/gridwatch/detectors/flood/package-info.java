/** Flood watch (防汛): water level over the warning and guarantee lines. */
@NullMarked
package gridwatch.detectors.flood;

import org.jspecify.annotations.NullMarked;
