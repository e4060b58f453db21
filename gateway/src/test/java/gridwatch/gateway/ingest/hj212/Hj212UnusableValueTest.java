package gridwatch.gateway.ingest.hj212;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.Influxd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A station sends {@code LA-Rtd=NaN} to the real gateway: the connection stays open and is
 * answered, the other factor is delivered, the NaN is stored in a real InfluxDB as a BAD reading,
 * and /metrics counts it by device and reason. The broker address is deliberately dead: no
 * alert is expected, and none is needed to see where the readings went.
 */
@Tag("servers")
class Hj212UnusableValueTest {

    private static final String MN = "690000D5800028F889000077";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aNaNIsAnsweredStoredAsBadAndCountedAndTheConnectionKeepsWorking() throws Exception {
        try (Influxd influx = new Influxd(Files.createDirectories(dir.resolve("influx")))) {
            Path file = dir.resolve("box.yaml");
            Files.writeString(file, """
                    gateway: {id: noise-box}
                    site: {timeZone: Asia/Shanghai}
                    uplink: {broker: "tcp://127.0.0.1:1"}
                    outbox: {directory: outbox}
                    http: {port: 0}
                    ingest: {hj212: {bind: 127.0.0.1, port: 0}}
                    zones: [{id: square, gridCell: {code: "310104012003"}}]
                    devices:
                      - id: noise-1
                        profile: noise-station-hj212
                        zone: square
                        connection: {type: hj212, mn: "%s", password: "123456"}
                    categories:
                      noise.social: {code: "03-02", nameZh: 社会生活噪声}
                    timeseries: {influxdb: {url: "%s", database: gw, createDatabase: true, flushMillis: 100, spoolDirectory: spool}}
                    """.formatted(MN, influx.url()));
            try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> { })) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), g.hj212().orElseThrow().port())) {
                    s.setSoTimeout(5000);
                    OutputStream out = s.getOutputStream();
                    InputStream in = s.getInputStream();
                    out.write(packet("20261120211000", "LA-Rtd=NaN,LA-Flag=N;Leq-Rtd=55.0,Leq-Flag=N"));
                    assertThat(answer(in)).contains("CN=9014");
                    out.write(packet("20261120211100", "LA-Rtd=61.2,LA-Flag=N"));
                    assertThat(answer(in)).as("the same connection still works").contains("CN=9014");
                }
                await().atMost(30, TimeUnit.SECONDS).until(() -> stored(influx).size() == 3);
                List<Map<String, JsonNode>> rows = stored(influx);
                assertThat(rows).anySatisfy(r -> {
                    assertThat(r.get("resource").asText()).isEqualTo("LA");
                    assertThat(r.get("quality").asText()).isEqualTo("BAD");
                    assertThat(r.get("value").isNull()).as("line protocol has no NaN").isTrue();
                    assertThat(r.get("valueText").asText()).isEqualTo("NaN");
                });
                assertThat(rows).anySatisfy(r -> {
                    assertThat(r.get("resource").asText()).isEqualTo("Leq");
                    assertThat(r.get("quality").asText()).isEqualTo("GOOD");
                    assertThat(r.get("value").asDouble()).isEqualTo(55.0);
                });
                assertThat(rows).anySatisfy(r -> {
                    assertThat(r.get("resource").asText()).isEqualTo("LA");
                    assertThat(r.get("quality").asText()).isEqualTo("GOOD");
                    assertThat(r.get("value").asDouble()).isEqualTo(61.2);
                });
                String metrics = get("http://127.0.0.1:" + g.httpPort() + "/metrics");
                assertThat(metrics).contains("gridwatch_readings_unusable_total{device=\"noise-1\",reason=\"nan\"} 1.0");
            }
        }
    }

    private static byte[] packet(String dataTime, String values) {
        return Hj212Responses.frame("QN=" + dataTime + "000;ST=23;CN=2011;PW=123456;MN=" + MN + ";Flag=5;CP=&&DataTime="
                + dataTime + ";" + values + "&&");
    }

    private static String answer(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            sb.append((char) c);
            if (c == '\n') {
                break;
            }
        }
        return sb.toString();
    }

    /** Every stored point of the station, each as column → value. */
    private List<Map<String, JsonNode>> stored(Influxd influx) throws Exception {
        String q = URLEncoder.encode("SELECT * FROM reading WHERE device = 'noise-1'", StandardCharsets.UTF_8);
        JsonNode series = new ObjectMapper().readTree(get(influx.url() + "/query?db=gw&q=" + q)).at("/results/0/series/0");
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        for (JsonNode values : series.path("values")) {
            Map<String, JsonNode> row = new HashMap<>();
            for (int i = 0; i < series.path("columns").size(); i++) {
                row.put(series.path("columns").get(i).asText(), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
