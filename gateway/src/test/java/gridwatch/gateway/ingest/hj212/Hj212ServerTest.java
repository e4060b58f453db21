package gridwatch.gateway.ingest.hj212;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import gridwatch.config.model.Hj212ServerConfig;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.ingest.UnusableValues;
import gridwatch.gateway.ops.GatewayMetrics;
import gridwatch.profiles.ProfileLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The HJ 212 server over real TCP on loopback, with the team's real packets. */
class Hj212ServerTest {

    private static final String MN = "010000A8900016F000169DC0";
    private final Queue<Reading> readings = new ConcurrentLinkedQueue<>();
    private final GatewayMetrics metrics = new GatewayMetrics();
    private Hj212Server server;

    @BeforeEach
    void start() throws Exception {
        var profile = new ProfileLoader().load(List.of()).find("noise-station-hj212").orElseThrow();
        server = new Hj212Server(new Hj212ServerConfig("127.0.0.1", 0, 1024, 30, false), ZoneId.of("Asia/Shanghai"),
                metrics, Clock.systemUTC());
        server.register(new Hj212Station("noise-st-1", MN, "123456", profile));
        server.start(readings::add);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Socket connect() throws Exception {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(5000);
        return s;
    }

    private static String readAnswer(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            sb.append((char) c);
            if (sb.length() >= 2 && sb.charAt(sb.length() - 2) == '\r' && c == '\n') {
                break;
            }
        }
        return sb.toString();
    }

    @Test
    void realTimeNoiseBecomesAReadingAndIsAnsweredWith9014() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write(Hj212Samples.get("S2").wire());
            String answer = readAnswer(s.getInputStream());
            assertThat(answer).startsWith("##").contains("QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=" + MN).endsWith("\r\n");
            String seg = answer.substring(6, answer.length() - 6);
            byte[] b = seg.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(Integer.parseInt(answer.substring(2, 6))).isEqualTo(b.length);
            assertThat(answer.substring(answer.length() - 6, answer.length() - 2)).isEqualTo(Hj212Crc.hex(Hj212Crc.of(b, 0, b.length)));
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> !readings.isEmpty());
        Reading r = readings.peek();
        assertThat(r.deviceId()).isEqualTo("noise-st-1");
        assertThat(r.resource()).isEqualTo("LA");
        assertThat(r.value()).isEqualTo(50.1);
        assertThat(r.unit()).isEqualTo("dB(A)");
        assertThat(r.quality()).isEqualTo(Quality.GOOD);
        assertThat(r.observedAt()).as("DataTime is Beijing time").isEqualTo(Instant.parse("2016-08-01T00:58:57Z"));
    }

    @Test
    void minuteStatisticsMapToTheProfilesResources() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write(Hj212Samples.get("S3").wire());
            readAnswer(s.getInputStream());
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> readings.size() >= 6);
        assertThat(readings).extracting(Reading::resource).containsExactlyInAnyOrder("L10", "L50", "L90", "Leq", "Lmax", "Lmin");
        assertThat(readings).filteredOn(r -> r.resource().equals("Leq")).singleElement().extracting(Reading::value).isEqualTo(50.0);
    }

    @Test
    void brokenPacketsAreCountedAndTheConnectionKeepsWorking() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write("garbage\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1));
            out.write(Hj212Samples.get("R17").wire());                  // bad CRC
            out.write(Hj212Samples.get("R13").wire());                  // wrong length, no &&
            out.write(Hj212Samples.get("R4").wire());                   // oversized
            String wrongPw = "QN=20160801085857223;ST=23;CN=2011;PW=999999;MN=" + MN + ";Flag=5;CP=&&DataTime=20160801085857;LA-Rtd=70.0&&";
            out.write(Hj212Responses.frame(wrongPw));
            String unknown = "QN=1;ST=23;CN=2011;PW=123456;MN=NOBODY;Flag=5;CP=&&LA-Rtd=70.0&&";
            out.write(Hj212Responses.frame(unknown));
            out.write(Hj212Samples.get("S2").wire());                   // and a good one on the same connection
            assertThat(readAnswer(s.getInputStream())).contains("CN=9014");
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> readings.size() == 1);
        assertThat(readings.peek().value()).isEqualTo(50.1);
        for (String reason : List.of("garbage", "bad_crc", "bad_length", "oversized", "bad_password", "unknown_device")) {
            assertThat(metrics.hj212RejectedCount(reason)).as(reason).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void numbersThatAreNotUsableBecomeBadReadingsAndTheConnectionStaysOpen() throws Exception {
        List<String> unusable = List.of("NaN", "Infinity", "-Infinity", "1e999");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(UnusableValues.class);
        logger.addAppender(log);
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (String la : unusable) {
                out.write(Hj212Responses.frame("QN=20160801085857223;ST=23;CN=2011;PW=123456;MN=" + MN + ";Flag=5;"
                        + "CP=&&DataTime=20160801085857;LA-Rtd=" + la + ",LA-Flag=N;Leq-Rtd=55.0,Leq-Flag=N&&"));
                assertThat(readAnswer(in)).as("answer to LA-Rtd=%s", la).contains("CN=9014");
            }
            out.write(Hj212Samples.get("S2").wire());
            assertThat(readAnswer(in)).as("the same connection still works").contains("CN=9014");
        } finally {
            logger.detachAppender(log);
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> readings.size() == 2 * unusable.size() + 1);
        assertThat(readings).filteredOn(r -> r.resource().equals("LA") && r.quality() == Quality.BAD)
                .extracting(Reading::value)
                .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertThat(readings).filteredOn(r -> r.resource().equals("Leq")).hasSize(unusable.size())
                .allSatisfy(r -> {
                    assertThat(r.value()).isEqualTo(55.0);
                    assertThat(r.quality()).isEqualTo(Quality.GOOD);
                });
        assertThat(readings).filteredOn(r -> r.resource().equals("LA") && r.quality() == Quality.GOOD)
                .singleElement().extracting(Reading::value).isEqualTo(50.1);
        assertThat(metrics.valueUnusableCount("noise-st-1", "nan")).isEqualTo(1);
        assertThat(metrics.valueUnusableCount("noise-st-1", "infinite")).as("±Infinity, and 1e999 past a double").isEqualTo(3);
        assertThat(metrics.hj212RejectedCount("malformed")).as("no packet was refused").isZero();
        assertThat(log.list).as("one line per device and reason a minute, not one per value")
                .extracting(ILoggingEvent::getFormattedMessage)
                .satisfiesExactlyInAnyOrder(
                        m -> assertThat(m).startsWith("noise-st-1 LA: value NaN").contains("(nan)"),
                        m -> assertThat(m).startsWith("noise-st-1 LA: value Infinity").contains("(infinite)"));
    }

    @Test
    void aSlowSenderIsWaitedFor() throws Exception {
        try (Socket s = connect()) {
            for (byte b : Hj212Samples.get("S2").wire()) {
                s.getOutputStream().write(b);
                s.getOutputStream().flush();
                Thread.sleep(2);
            }
            assertThat(readAnswer(s.getInputStream())).contains("CN=9014");
        }
        assertThat(readings).hasSize(1);
    }

    @Test
    void twoThousandStationsConnectedAtOnceAreAllHeard() throws Exception {
        int n = 2000;
        List<Socket> sockets = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(connect());
            }
            await().atMost(10, TimeUnit.SECONDS).until(() -> server.connections() == n);
            byte[] packet = Hj212Samples.get("S2").wire();
            for (Socket s : sockets) {
                s.getOutputStream().write(packet);
            }
            await().atMost(30, TimeUnit.SECONDS).until(() -> readings.size() == n);
            assertThat(metrics.scrape()).contains("gridwatch_hj212_packets_total{cn=\"2011\"} 2000.0");
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
