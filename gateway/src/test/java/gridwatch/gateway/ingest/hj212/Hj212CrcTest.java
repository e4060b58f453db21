package gridwatch.gateway.ingest.hj212;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Hj212CrcTest {

    @Test
    void theStandardsAnnexAExampleIs1C80() {
        byte[] seg = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(Hj212Crc.hex(Hj212Crc.of(seg, 0, seg.length))).isEqualTo("1C80");
    }

    @Test
    void theLookupTableGivesTheStandardsBitwiseResultForEveryRealPacket() {
        for (var s : Hj212Samples.all().values()) {
            byte[] w = s.wire();
            assertThat(Hj212Crc.of(w, 0, w.length)).as(s.id()).isEqualTo(Hj212Crc.bitwise(w, 0, w.length));
        }
    }

    @Test
    void everyRealSampleVerifiesExactlyWhenItsSourceSaysItIsValid() {
        var samples = Hj212Samples.all();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(28);
        int valid = 0;
        for (var s : samples.values()) {
            String p = s.packet();
            int len = Integer.parseInt(p.substring(2, 6));
            byte[] seg = p.substring(6, p.length() - 4).getBytes(StandardCharsets.ISO_8859_1);
            // Compared as numbers: some stations write the CRC in lower case ([R9]).
            int sent = Integer.parseInt(p.substring(p.length() - 4), 16);
            boolean ours = Hj212Crc.of(seg, 0, seg.length) == sent;
            assertThat(ours).as("[%s] %s", s.id(), s.comment()).isEqualTo(s.crcValid());
            valid += ours ? 1 : 0;
            if (s.id().equals("R3") || s.id().equals("R4")) {
                assertThat(Hj212Crc.modbusLowByteFirst(seg, 0, seg.length))
                        .as("[%s] is CRC-16/MODBUS low byte first", s.id()).isEqualTo(sent);
            }
            if (!s.id().equals("R13")) {
                assertThat(seg.length).as("[%s] declared length", s.id()).isEqualTo(len);
            }
        }
        assertThat(valid).isEqualTo(22);
    }
}
