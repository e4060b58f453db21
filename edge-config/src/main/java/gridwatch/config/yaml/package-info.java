/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.config.yaml;

import org.jspecify.annotations.NullMarked;
