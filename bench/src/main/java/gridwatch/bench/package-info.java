/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.bench;

import org.jspecify.annotations.NullMarked;
