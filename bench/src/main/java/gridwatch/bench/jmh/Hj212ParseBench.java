package gridwatch.bench.jmh;

import gridwatch.gateway.ingest.hj212.Hj212Crc;
import gridwatch.gateway.ingest.hj212.Hj212Exception;
import gridwatch.gateway.ingest.hj212.Hj212Packet;
import gridwatch.gateway.ingest.hj212.Hj212Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * HJ 212 packets/s on one thread: ours with every check on (length digits, length against the
 * segment, CR LF, Annex A CRC, header fields, CP values and flags) beside a naive
 * {@code String.split} parser that checks nothing, in the same run. The packet is the
 * standard's own minute-statistics noise example (HJ 212-2017 Table C.26).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
public class Hj212ParseBench {

    private static final byte[] WIRE = ("##0221QN=20160801085000001;ST=23;CN=2051;PW=123456;MN=010000A8900016F000169DC0;Flag=5;"
            + "CP=&&DataTime=20160801084000;L5-Data=53.0;L10-Data=53.0;L50-Data=49.0;L90-Data=45.0;L95-Data=43.0;"
            + "Leq-Data=50.0;LMx-Data=54.0;LMn-Data=42.0&&1DC0\r\n").getBytes(StandardCharsets.ISO_8859_1);

    private final Hj212Parser parser = new Hj212Parser();

    @Benchmark
    public Hj212Packet everyCheckOn() throws Hj212Exception {
        byte[] w = WIRE;
        if (w[0] != '#' || w[1] != '#') {
            throw new IllegalStateException("no ##");
        }
        int len = 0;
        for (int i = 2; i < 6; i++) {
            int d = w[i] - '0';
            if (d < 0 || d > 9) {
                throw new IllegalStateException("length");
            }
            len = len * 10 + d;
        }
        int end = 6 + len;
        if (w.length != end + 6 || w[end + 4] != '\r' || w[end + 5] != '\n') {
            throw new IllegalStateException("length mismatch");
        }
        int sent = Integer.parseInt(new String(w, end, 4, StandardCharsets.ISO_8859_1), 16);
        if (Hj212Crc.of(w, 6, end) != sent) {
            throw new IllegalStateException("crc");
        }
        return parser.parse(new String(w, 6, len, StandardCharsets.ISO_8859_1));
    }

    @Benchmark
    public Map<String, String> naiveSplitNoChecks() {
        String s = new String(WIRE, StandardCharsets.ISO_8859_1);
        Map<String, String> out = new HashMap<>();
        for (String part : s.substring(6, s.length() - 6).replace("&&", "").split("[;,]")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                out.put(kv[0], kv[1]);
            }
        }
        return out;
    }
}
