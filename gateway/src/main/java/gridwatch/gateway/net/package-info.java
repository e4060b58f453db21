/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.gateway.net;

import org.jspecify.annotations.NullMarked;
