/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.config;

import org.jspecify.annotations.NullMarked;
