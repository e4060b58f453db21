/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.gateway.uplink.mqtt;

import org.jspecify.annotations.NullMarked;
