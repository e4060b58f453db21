/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.gateway.ingest.replay;

import org.jspecify.annotations.NullMarked;
