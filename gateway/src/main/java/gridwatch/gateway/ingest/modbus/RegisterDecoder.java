package gridwatch.gateway.ingest.modbus;

/**
 * Turns a point's registers into its raw number, honouring the profile's byte order (within a
 * register) and word order (between registers) — the two ways field devices disagree. The raw
 * number then goes through the profile's transform like every driver's does.
 */
public final class RegisterDecoder {

    private RegisterDecoder() {
    }

    /** @param regs the block's register bytes (2 per register, as on the wire); {@code offset} in registers */
    public static double raw(RegisterPoint p, byte[] regs, int offset) {
        int words = p.width();
        long bits = 0;
        for (int w = 0; w < words; w++) {
            int word = p.bigEndianWords() ? w : words - 1 - w;
            int at = (offset + word) * 2;
            int hi = regs[at] & 0xFF;
            int lo = regs[at + 1] & 0xFF;
            int value = p.bigEndianBytes() ? (hi << 8) | lo : (lo << 8) | hi;
            bits = (bits << 16) | value;
        }
        return switch (p.rawType()) {
            case "INT16" -> (short) bits;
            case "UINT16" -> bits & 0xFFFF;
            case "INT32" -> (int) bits;
            case "UINT32" -> bits & 0xFFFF_FFFFL;
            case "FLOAT32" -> Float.intBitsToFloat((int) bits);
            case "FLOAT64" -> Double.longBitsToDouble(bits);
            default -> throw new IllegalArgumentException("raw type " + p.rawType() + " is not read from registers");
        };
    }
}
