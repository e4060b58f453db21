/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.gateway.ingest;

import org.jspecify.annotations.NullMarked;
