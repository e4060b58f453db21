package gridwatch.gateway.ingest.hj212;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A parsed HJ 212 data segment. Header fields are strings as sent; {@code flag} is the packet
 * flag (bit 0: the sender wants an answer; bit 1: the packet is split; bits 2+: the protocol
 * version, 1 for HJ 212-2017).
 *
 * @param dataTime {@code DataTime} from CP in the station's local time, or null
 */
public record Hj212Packet(
        String qn,
        String st,
        String cn,
        String pw,
        String mn,
        int flag,
        Integer pnum,
        Integer pno,
        LocalDateTime dataTime,
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
