package gridwatch.gateway.ingest.modbus;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterDecoderTest {

    private static RegisterPoint point(String type, boolean bigBytes, boolean bigWords, int address) {
        return new RegisterPoint("x", "INPUT_REGISTERS", address, type, bigBytes, bigWords, null);
    }

    @Test
    void float32InEveryByteAndWordOrder() {
        byte[] abcd = ByteBuffer.allocate(4).putFloat(4.62f).array();          // big-endian: A B C D
        byte[] cdab = {abcd[2], abcd[3], abcd[0], abcd[1]};                      // word-swapped
        byte[] badc = {abcd[1], abcd[0], abcd[3], abcd[2]};                      // byte-swapped
        byte[] dcba = {abcd[3], abcd[2], abcd[1], abcd[0]};                      // both
        assertThat(RegisterDecoder.raw(point("FLOAT32", true, true, 0), abcd, 0)).isEqualTo(4.62f);
        assertThat(RegisterDecoder.raw(point("FLOAT32", true, false, 0), cdab, 0)).isEqualTo(4.62f);
        assertThat(RegisterDecoder.raw(point("FLOAT32", false, true, 0), badc, 0)).isEqualTo(4.62f);
        assertThat(RegisterDecoder.raw(point("FLOAT32", false, false, 0), dcba, 0)).isEqualTo(4.62f);
    }

    @Test
    void signedAndUnsignedIntegers() {
        byte[] regs = {(byte) 0xFF, (byte) 0xFE, 0x00, 0x01};
        assertThat(RegisterDecoder.raw(point("INT16", true, true, 0), regs, 0)).isEqualTo(-2);
        assertThat(RegisterDecoder.raw(point("UINT16", true, true, 0), regs, 0)).isEqualTo(65534);
        assertThat(RegisterDecoder.raw(point("INT32", true, true, 0), regs, 0)).isEqualTo((double) 0xFFFE0001);
        assertThat(RegisterDecoder.raw(point("UINT32", true, true, 0), regs, 0)).isEqualTo(4294836225.0);
        assertThat(RegisterDecoder.raw(point("UINT16", true, true, 0), regs, 1)).isEqualTo(1);
    }

    @Test
    void nearbyPointsShareOneRequestAndDistantOnesDoNot() {
        var blocks = RegisterBlock.plan(List.of(point("FLOAT32", true, true, 0), point("UINT16", true, true, 2),
                point("UINT16", true, true, 200)));
        assertThat(blocks).hasSize(2);
        assertThat(blocks.getFirst().start()).isZero();
        assertThat(blocks.getFirst().count()).isEqualTo(3);
        assertThat(blocks.get(1).start()).isEqualTo(200);
    }
}
