/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.gateway.uplink.embedded;

import org.jspecify.annotations.NullMarked;
