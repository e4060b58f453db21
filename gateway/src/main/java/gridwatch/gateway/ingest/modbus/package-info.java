/** Modbus TCP meters polled on a schedule, registers decoded as the device profile says. */
@NullMarked
package gridwatch.gateway.ingest.modbus;

import org.jspecify.annotations.NullMarked;
