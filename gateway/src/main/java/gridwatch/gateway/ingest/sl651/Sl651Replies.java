package gridwatch.gateway.ingest.sl651;

/**
 * The centre's confirmation of a report: a down frame (station address first, then the centre),
 * the same password and function code, a body echoing the report's serial number and send time,
 * ended by ACK (06: received, carry on) — the layout of the reference frames in ../shared.
 */
final class Sl651Replies {

    static final int ACK = 0x06;

    private Sl651Replies() {
    }

    static byte[] ack(Sl651Frame f) {
        byte[] out = new byte[14 + 8 + 1 + 2];
        out[0] = 0x7E;
        out[1] = 0x7E;
        byte[] station = java.util.HexFormat.of().parseHex(f.station());
        System.arraycopy(station, 0, out, 2, 5);
        out[7] = (byte) f.centre();
        byte[] pw = java.util.HexFormat.of().parseHex(f.password());
        out[8] = pw[0];
        out[9] = pw[1];
        out[10] = (byte) f.function();
        out[11] = (byte) 0x80; // direction 8 = down, body length 8
        out[12] = 0x08;
        out[13] = Sl651Frame.STX;
        System.arraycopy(f.body(), 0, out, 14, 8);
        out[22] = ACK;
        int crc = Sl651Crc.of(out, 0, 23);
        out[23] = (byte) (crc >>> 8);
        out[24] = (byte) crc;
        return out;
    }
}
