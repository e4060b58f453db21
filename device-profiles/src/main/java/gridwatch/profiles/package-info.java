/** Part of GridWatch Edge; see the README for the module map. */
@NullMarked
package gridwatch.profiles;

import org.jspecify.annotations.NullMarked;
