package gridwatch.gateway.ingest.hj212;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Hj212ParserTest {

    private final Hj212Parser parser = new Hj212Parser();

    private static String segment(String id) {
        String p = Hj212Samples.get(id).packet();
        return p.substring(6, p.length() - 4);
    }

    @Test
    void realTimeNoiseWithTheStandardsOwnStraySpace() throws Exception {
        Hj212Packet p = parser.parse(segment("S2"));
        assertThat(p.st()).isEqualTo("23");
        assertThat(p.cn()).isEqualTo("2011");
        assertThat(p.mn()).isEqualTo("010000A8900016F000169DC0");
        assertThat(p.wantsAnswer()).isTrue();
        assertThat(p.protocolVersion()).isEqualTo(1);
        assertThat(p.dataTime()).isEqualTo(LocalDateTime.of(2016, 8, 1, 8, 58, 57));
        assertThat(p.values()).containsExactly(new Hj212Value("LA", "Rtd", 50.1, null));
    }

    @Test
    void minuteStatisticsCarryEveryNoiseFactor() throws Exception {
        Hj212Packet p = parser.parse(segment("S3"));
        assertThat(p.cn()).isEqualTo("2051");
        assertThat(p.values()).extracting(Hj212Value::factor)
                .containsExactly("L5", "L10", "L50", "L90", "L95", "Leq", "LMx", "LMn");
        assertThat(p.values()).allSatisfy(v -> assertThat(v.field()).isEqualTo("Data"));
        assertThat(p.values()).filteredOn(v -> v.factor().equals("Leq")).singleElement()
                .extracting(Hj212Value::value).isEqualTo(50.0);
    }

    @Test
    void dataFlagsAttachToTheirFactor() throws Exception {
        Hj212Packet p = parser.parse(segment("X1"));
        assertThat(p.values()).filteredOn(v -> v.factor().equals("LA")).singleElement()
                .isEqualTo(new Hj212Value("LA", "Rtd", 66.8, "N"));
        assertThat(p.wantsAnswer()).isTrue();
    }

    @Test
    void aPacketWithoutMnOrCpIsRefusedWithAReason() {
        assertThatThrownBy(() -> parser.parse(segment("N2")))
                .isInstanceOfSatisfying(Hj212Exception.class, e -> assertThat(e.reason()).isEqualTo(Hj212Exception.Reason.MALFORMED));
        assertThatThrownBy(() -> parser.parse("QN=1;ST=23;CN=2011;PW=123456;Flag=5;CP=&&LA-Rtd=50&&"))
                .isInstanceOfSatisfying(Hj212Exception.class, e -> {
                    assertThat(e.reason()).isEqualTo(Hj212Exception.Reason.MISSING_FIELD);
                    assertThat(e.getMessage()).contains("MN");
                });
        assertThatThrownBy(() -> parser.parse("ST=23;CN=2011;PW=1;MN=X;CP=&&LA-Rtd=loud&&"))
                .isInstanceOfSatisfying(Hj212Exception.class, e -> assertThat(e.reason()).isEqualTo(Hj212Exception.Reason.MALFORMED));
    }

    @Test
    void decimalsAreReadExactlyAsJavaReadsThem() throws Exception {
        for (String v : new String[] {"50.1", "0.0", "66.8", "-12.345", "132", "3.56316", "99999.999999", "1e3", "0.1000000000000000001"}) {
            assertThat(Hj212Parser.number(v, 0, v.length())).as(v).isEqualTo(Double.parseDouble(v));
        }
    }

    @Test
    void everyValidRealPacketParses() throws Exception {
        int parsed = 0;
        for (var s : Hj212Samples.all().values()) {
            if (!s.crcValid() || java.util.Set.of("N2", "R10", "R11", "R13", "S1").contains(s.id())) {
                continue; // N2: no MN or CP; R10/S1: platform commands; R11: a restart report; R13: lost its && (refused)
            }
            String p = s.packet();
            Hj212Packet packet = parser.parse(p.substring(6, p.length() - 4));
            assertThat(packet.values()).as(s.id()).isNotEmpty();
            parsed++;
        }
        assertThat(parsed).isGreaterThanOrEqualTo(15);
    }

    @Test
    void dataTimeWithMillisecondsIsReadToTheSecond() throws Exception {
        Hj212Packet p = parser.parse(segment("R14"));
        assertThat(p.dataTime()).isNotNull();
        assertThat(p.dataTime().getSecond()).isBetween(0, 59);
    }
}
