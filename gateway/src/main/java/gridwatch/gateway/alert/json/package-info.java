/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.gateway.alert.json;

import org.jspecify.annotations.NullMarked;
