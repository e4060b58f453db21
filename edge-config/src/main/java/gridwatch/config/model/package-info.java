/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.config.model;

import org.jspecify.annotations.NullMarked;
