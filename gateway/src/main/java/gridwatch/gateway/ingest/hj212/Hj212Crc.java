package gridwatch.gateway.ingest.hj212;

/**
 * The CRC of HJ 212-2017 Annex A ("ANSI CRC16" in the standard's words, but neither CRC-16/ARC
 * nor CRC-16/MODBUS): register 0xFFFF; per byte {@code reg = (reg >> 8) ^ byte}, then eight
 * shifts XOR 0xA001 on a set low bit; no final XOR; written as four upper-case hex digits, high
 * byte first, over the data segment only.
 */
public final class Hj212Crc {

    private Hj212Crc() {
    }

    /** The eight shift-and-XOR-0xA001 rounds applied to each byte value, precomputed. */
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int reg = i;
            for (int b = 0; b < 8; b++) {
                reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
            }
            TABLE[i] = reg;
        }
    }

    /**
     * After {@code reg = (reg >> 8) ^ byte} the register is below 256, so its eight rounds are one
     * lookup: {@code reg = TABLE[(reg >> 8) ^ byte]}. Same result as the standard's loop, which
     * {@code Hj212CrcTest} checks against the bitwise definition.
     */
    public static int of(byte[] data, int from, int to) {
        int reg = 0xFFFF;
        for (int i = from; i < to; i++) {
            reg = TABLE[((reg >>> 8) ^ data[i]) & 0xFF];
        }
        return reg;
    }

    /** The standard's Annex A loop, bit by bit: the reference the table is checked against. */
    static int bitwise(byte[] data, int from, int to) {
        int reg = 0xFFFF;
        for (int i = from; i < to; i++) {
            reg = (reg >>> 8) ^ (data[i] & 0xFF);
            for (int b = 0; b < 8; b++) {
                int lsb = reg & 1;
                reg >>>= 1;
                if (lsb != 0) {
                    reg ^= 0xA001;
                }
            }
        }
        return reg & 0xFFFF;
    }

    /**
     * CRC-16/MODBUS written low byte first: what some field devices send instead (seen in real
     * receive logs). Accepted only when the server is configured to be lenient.
     */
    public static int modbusLowByteFirst(byte[] data, int from, int to) {
        int reg = 0xFFFF;
        for (int i = from; i < to; i++) {
            reg = (reg >>> 8) ^ TABLE[(reg ^ data[i]) & 0xFF];
        }
        return ((reg & 0xFF) << 8) | ((reg >>> 8) & 0xFF);
    }

    public static String hex(int crc) {
        return String.format("%04X", crc);
    }
}
