/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.detectors.core;

import org.jspecify.annotations.NullMarked;
