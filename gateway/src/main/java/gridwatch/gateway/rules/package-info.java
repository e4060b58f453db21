/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.gateway.rules;

import org.jspecify.annotations.NullMarked;
