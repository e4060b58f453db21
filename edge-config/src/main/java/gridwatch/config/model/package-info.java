/**
 * The configuration as records, bound from YAML by Jackson after the JSON Schema check.
 *
 * <p>A field left out of the YAML arrives as null and the record's compact constructor replaces it with its
 * default, so what the rest of the code reads is non-null unless the component says {@code @Nullable}. The few
 * places that build a default record from nulls the same way carry {@code @SuppressWarnings("NullAway")}.
 */
@NullMarked
package gridwatch.config.model;

import org.jspecify.annotations.NullMarked;
