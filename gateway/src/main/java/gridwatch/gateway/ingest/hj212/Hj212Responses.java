package gridwatch.gateway.ingest.hj212;

import java.nio.charset.StandardCharsets;

/** The platform's answers, framed with length and CRC. */
public final class Hj212Responses {

    private Hj212Responses() {
    }

    /** CN 9014 data response (数据应答) to a packet whose flag asked for one. */
    public static byte[] dataAck(Hj212Packet p) {
        return frame(header(p) + "ST=91;CN=9014;PW=" + p.pw() + ";MN=" + p.mn() + ";Flag=4;CP=&&&&");
    }

    /**
     * Answer to a heartbeat (CN 9015 in the 2025 revision). We could not confirm the revision's
     * exact reply layout; we echo CN 9015 with the heartbeat's QN, which is what public 2025
     * implementations we could find do (see docs/hj212.md).
     */
    public static byte[] heartbeatAck(Hj212Packet p) {
        return frame(header(p) + "ST=91;CN=9015;PW=" + p.pw() + ";MN=" + p.mn() + ";Flag=" + (p.flag() & ~1) + ";CP=&&&&");
    }

    private static String header(Hj212Packet p) {
        return p.qn() == null ? "" : "QN=" + p.qn() + ";";
    }

    /** {@code ##} + 4-digit length + segment + CRC + CR LF. */
    public static byte[] frame(String segment) {
        byte[] seg = segment.getBytes(StandardCharsets.ISO_8859_1);
        String text = "##" + String.format("%04d", seg.length) + segment + Hj212Crc.hex(Hj212Crc.of(seg, 0, seg.length)) + "\r\n";
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
