package gridwatch.gateway.ingest.modbus;

import gridwatch.profiles.ResourceProperties;

/**
 * One resource's place in the device's register map, from its profile's {@code modbus} attribute.
 *
 * @param table   HOLDING_REGISTERS or INPUT_REGISTERS
 * @param address the first register
 * @param rawType INT16, UINT16, INT32, UINT32, FLOAT32 or FLOAT64
 */
public record RegisterPoint(String resource, String table, int address, String rawType, boolean bigEndianBytes,
                            boolean bigEndianWords, ResourceProperties properties) {

    /** Registers (16-bit words) the raw type occupies. */
    public int width() {
        return switch (rawType) {
            case "INT32", "UINT32", "FLOAT32" -> 2;
            case "FLOAT64" -> 4;
            default -> 1;
        };
    }
}
