/** The devices of the running gateway by id, and the latest value each one reported. */
@NullMarked
package gridwatch.gateway.devices;

import org.jspecify.annotations.NullMarked;
