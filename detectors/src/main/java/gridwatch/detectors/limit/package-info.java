/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.detectors.limit;

import org.jspecify.annotations.NullMarked;
