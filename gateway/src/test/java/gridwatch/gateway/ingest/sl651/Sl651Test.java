package gridwatch.gateway.ingest.sl651;

import gridwatch.config.model.Sl651ServerConfig;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.ops.GatewayMetrics;
import gridwatch.gateway.support.SharedData;
import gridwatch.profiles.ProfileLoader;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SL 651-2014 HEX frames from ../shared/testdata/protocols (20 real frames from five public projects). */
class Sl651Test {

    private record Sample(String comment, byte[] frame) {
    }

    private static List<Sample> samples() throws Exception {
        List<Sample> out = new ArrayList<>();
        String comment = null;
        for (String line : Files.readAllLines(SharedData.path("testdata/protocols/sl651-samples.txt"))) {
            if (line.startsWith("#")) {
                comment = line;
            } else if (!line.isBlank()) {
                out.add(new Sample(comment, HexFormat.of().parseHex(line.strip())));
            }
        }
        return out;
    }

    private static final class Counted implements Sl651FrameDecoder.Rejects {
        final List<String> reasons = new ArrayList<>();

        @Override
        public void rejected(String reason, ChannelHandlerContext ctx, String detail) {
            reasons.add(reason);
        }
    }

    @Test
    void theRealFramesPassOrFailTheirCrcAsTheirSourcesSay() throws Exception {
        List<Sample> all = samples();
        assertThat(all).hasSize(20);
        for (Sample s : all) {
            Counted rejects = new Counted();
            EmbeddedChannel ch = new EmbeddedChannel(new Sl651FrameDecoder(rejects));
            ch.writeInbound(Unpooled.wrappedBuffer(s.frame()));
            Sl651Frame f = ch.readInbound();
            if (s.comment().contains("INVALID")) {
                assertThat(f).as(s.comment()).isNull();
                assertThat(rejects.reasons).as(s.comment()).containsExactly("bad_crc");
            } else {
                assertThat(f).as(s.comment()).isNotNull();
                assertThat(f.up()).isEqualTo(!s.comment().contains("DOWN"));
                assertThat(rejects.reasons).isEmpty();
            }
        }
    }

    @Test
    void waterLevelIsElement39InBcdWithItsDecimalsAndNoDataFillersAreAbsent() throws Exception {
        Map<String, Double> levels = new java.util.LinkedHashMap<>();
        for (Sample s : samples()) {
            EmbeddedChannel ch = new EmbeddedChannel(new Sl651FrameDecoder(new Counted()));
            ch.writeInbound(Unpooled.wrappedBuffer(s.frame()));
            Sl651Frame f = ch.readInbound();
            if (f != null && f.up() && Sl651Report.isReport(f.function()) && f.start() == Sl651Frame.STX) {
                Sl651Report r = Sl651Report.parse(f.body());
                levels.put(f.station() + "/" + Integer.toHexString(f.function()), r.elements().get("39"));
            }
        }
        // 64673a's timed report: 39 23 00 00 05 50 = 0.550 m; hanzhongguo's 09 99 99 99 is "no data".
        assertThat(levels.get("0010100001/32")).isEqualTo(0.55);
        assertThat(levels.get("0000100000/32")).isNull();
        assertThat(levels.get("0012345678/30")).isEqualTo(0.127);
    }

    @Test
    void framesSplitGluedAndWrappedInGarbageAreAllFound() throws Exception {
        List<byte[]> valid = samples().stream().filter(s -> !s.comment().contains("INVALID")).map(Sample::frame).toList();
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        stream.write("garbage\r\n".getBytes());
        for (byte[] f : valid) {
            stream.write(f);
            stream.write(0x00);
        }
        byte[] all = stream.toByteArray();
        Counted rejects = new Counted();
        EmbeddedChannel ch = new EmbeddedChannel(new Sl651FrameDecoder(rejects));
        for (int i = 0; i < all.length; i += 7) {
            ch.writeInbound(Unpooled.wrappedBuffer(all, i, Math.min(7, all.length - i)));
        }
        int found = 0;
        while (ch.readInbound() != null) {
            found++;
        }
        assertThat(found).isEqualTo(valid.size());
        assertThat(rejects.reasons).isNotEmpty().allMatch(r -> r.equals("garbage"));
    }

    @Test
    void aStationReportingOverTcpGetsTheReferenceAckAndItsLevelBecomesAReading() throws Exception {
        Queue<Reading> readings = new ConcurrentLinkedQueue<>();
        var profile = new ProfileLoader().load(List.of()).find("radar-water-level").orElseThrow();
        Sl651Station station = new Sl651Station("river-gauge-7", "0010100001", "A000", profile);
        try (Sl651Server server = serve(station, readings::add, new GatewayMetrics());
             Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(HexFormat.of().parseHex(
                    "7E7E010010100001A00032002B02000C200724172349F1F1001010000148F0F020072417232019000130221900004039230000055038121268038397"));
            out.flush();
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(25);
            // The confirmation a public SL 651 centre sends for exactly this report (shishi1yi/protocol-sl651-boot).
            assertThat(HexFormat.of().withUpperCase().formatHex(reply)).isEqualTo("7E7E001010000101A00032800802000C20072417234906DB17");
            await().atMost(5, TimeUnit.SECONDS).until(() -> !readings.isEmpty());
        }
        Reading r = readings.peek();
        assertThat(r.deviceId()).isEqualTo("river-gauge-7");
        assertThat(r.resource()).isEqualTo("waterLevel");
        assertThat(r.value()).isEqualTo(0.55);
        // Observed 2020-07-24 17:23 station time (Beijing) = 09:23 UTC.
        assertThat(r.observedAt()).isEqualTo(Instant.parse("2020-07-24T09:23:00Z"));
    }

    @Test
    void aWrongPasswordOrAnUnknownStationIsRefusedAndCountedWithTheConnectionKept() throws Exception {
        Queue<Reading> readings = new ConcurrentLinkedQueue<>();
        var profile = new ProfileLoader().load(List.of()).find("radar-water-level").orElseThrow();
        GatewayMetrics metrics = new GatewayMetrics();
        try (Sl651Server server = serve(new Sl651Station("gauge", "0010100001", "B111", profile), readings::add, metrics);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(HexFormat.of().parseHex(
                    "7E7E010010100001A00032002B02000C200724172349F1F1001010000148F0F020072417232019000130221900004039230000055038121268038397"));
            out.write(HexFormat.of().parseHex(
                    "7E7E000010000000C95932002B0224F3200314191856F1F1001000000050F0F020031419183923099999992019000000261900000038122400035E89"));
            out.flush();
            await().atMost(5, TimeUnit.SECONDS).until(() -> metrics.protocolRejectedCount("sl651", "bad_password") == 1
                    && metrics.protocolRejectedCount("sl651", "unknown_station") == 1);
            assertThat(s.isClosed()).isFalse();
        }
        assertThat(readings).isEmpty();
    }

    /** A server on a free loopback port with one station, started. */
    private static Sl651Server serve(Sl651Station station, gridwatch.gateway.ingest.ReadingSink sink, GatewayMetrics metrics)
            throws InterruptedException {
        Sl651Server server = new Sl651Server(new Sl651ServerConfig("127.0.0.1", 0, 60), ZoneId.of("Asia/Shanghai"), metrics, Clock.systemUTC());
        server.register(station);
        server.start(sink);
        return server;
    }
}
