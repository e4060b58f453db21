package gridwatch.gateway.ingest.sl651;

/**
 * SL 651-2014's check: CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF, {@code reg ^= byte},
 * no final XOR) over every byte from the first 7E to the end character, sent high byte first.
 */
public final class Sl651Crc {

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

    private Sl651Crc() {
    }

    public static int of(byte[] data, int from, int to) {
        int reg = 0xFFFF;
        for (int i = from; i < to; i++) {
            reg = (reg >>> 8) ^ TABLE[(reg ^ data[i]) & 0xFF];
        }
        return reg;
    }
}
