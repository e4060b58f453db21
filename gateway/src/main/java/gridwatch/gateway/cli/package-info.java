/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.gateway.cli;

import org.jspecify.annotations.NullMarked;
