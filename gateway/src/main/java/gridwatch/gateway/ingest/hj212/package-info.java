/** HJ 212-2017 stations over TCP: framing, CRC, parsing, answers, and readings from the profile's factors. */
@NullMarked
package gridwatch.gateway.ingest.hj212;

import org.jspecify.annotations.NullMarked;
