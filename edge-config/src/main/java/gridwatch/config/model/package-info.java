/**
 * The configuration as records, bound from YAML by Jackson after the JSON Schema check.
 *
 * <p>A field left out of the YAML arrives as null. Where it has a default, the record's constructor puts the
 * default in its place: that constructor parameter is {@code @Nullable} and the component is not, so what the rest
 * of the code reads is never null. A component without a default that the YAML may leave out (a device's zone, an
 * uplink's credentials) is {@code @Nullable} itself, and NullAway makes its readers check.
 */
@NullMarked
package gridwatch.config.model;

import org.jspecify.annotations.NullMarked;
