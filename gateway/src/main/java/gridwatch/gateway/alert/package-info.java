/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.gateway.alert;

import org.jspecify.annotations.NullMarked;
