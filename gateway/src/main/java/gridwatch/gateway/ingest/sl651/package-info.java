/** SL 651-2014 hydrological stations over TCP: HEX/BCD frames, CRC, elements and ACK replies. */
@NullMarked
package gridwatch.gateway.ingest.sl651;

import org.jspecify.annotations.NullMarked;
