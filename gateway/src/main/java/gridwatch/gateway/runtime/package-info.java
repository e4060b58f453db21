/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.gateway.runtime;

import org.jspecify.annotations.NullMarked;
