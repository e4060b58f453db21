/**
 * What the center (and an operator) may ask of a running gateway, as one facade: apply a config
 * given as text, re-check a device. The command router of the center loop calls it; the runtime
 * implements it.
 */
@NullMarked
package gridwatch.gateway.control;

import org.jspecify.annotations.NullMarked;
