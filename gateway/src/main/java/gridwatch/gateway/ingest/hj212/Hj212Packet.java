package gridwatch.gateway.ingest.hj212;

import org.jspecify.annotations.Nullable;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A parsed HJ 212 data segment. Header fields are strings as sent; {@code flag} is the packet
 * flag (bit 0: the sender wants an answer; bit 1: the packet is split; bits 2+: the protocol
 * version, 1 for HJ 212-2017).
 *
 * @param qn       the request number, or null when the station sent none
 * @param pnum     {@code PNUM} (packets in a split message), or null when not sent
 * @param pno      {@code PNO} (this packet's number in it), or null when not sent
 * @param dataTime {@code DataTime} from CP in the station's local time, or null
 */
public record Hj212Packet(
        @Nullable String qn,
        String st,
        String cn,
        String pw,
        String mn,
        int flag,
        @Nullable Integer pnum,
        @Nullable Integer pno,
        @Nullable LocalDateTime dataTime,
        List<Hj212Value> values) {

    public Hj212Packet {
        values = List.copyOf(values);
    }

    public boolean wantsAnswer() {
        return (flag & 0x1) != 0;
    }

    /** 0 for HJ 212-2005, 1 for HJ 212-2017; other values are later revisions (see docs/hj212.md). */
    public int protocolVersion() {
        return flag >>> 2;
    }
}
