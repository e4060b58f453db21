package gridwatch.gateway.timeseries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.config.model.InfluxConfig;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.support.Influxd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every reading reaches a real influxd, including those sent while it was down. */
@Tag("servers")
class InfluxWriterTest {

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private long count(Influxd influx, String where) throws Exception {
        String q = URLEncoder.encode("SELECT count(value) FROM reading" + where, StandardCharsets.UTF_8);
        var r = http.send(HttpRequest.newBuilder(URI.create(influx.url() + "/query?db=gw&q=" + q)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode values = new ObjectMapper().readTree(r.body()).at("/results/0/series/0/values/0/1");
        return values.isMissingNode() ? 0 : values.asLong();
    }

    private static Reading reading(int i, Quality q) {
        return new Reading("gauge-1", "waterLevel", 3 + i / 1000.0, "m", Instant.parse("2026-09-14T00:00:00Z").plusSeconds(i), q);
    }

    @Test
    void readingsAreStoredWithQualityAndNoneIsLostWhileTheDatabaseIsDown() throws Exception {
        try (Influxd influx = new Influxd(Files.createDirectories(dir.resolve("influx")))) {
            InfluxConfig cfg = new InfluxConfig(influx.url(), "gw", null, true, null, null, null, 500, 100, null, null);
            InfluxWriter w = new InfluxWriter(cfg, dir.resolve("spool"));
            w.start();
            try {
                for (int i = 0; i < 1000; i++) {
                    w.accept(reading(i, i % 100 == 0 ? Quality.BAD : Quality.GOOD));
                }
                await().atMost(20, TimeUnit.SECONDS).until(() -> count(influx, "") == 1000);
                assertThat(count(influx, " WHERE quality = 'BAD'")).isEqualTo(10);

                influx.stop();
                for (int i = 1000; i < 2500; i++) {
                    w.accept(reading(i, Quality.GOOD));
                }
                await().atMost(20, TimeUnit.SECONDS).until(() -> w.spoolBytes() > 0 && w.lastError() != null);

                influx.start();
                await().atMost(60, TimeUnit.SECONDS).until(() -> count(influx, "") == 2500);
                await().atMost(10, TimeUnit.SECONDS).until(() -> w.spoolBytes() == 0);
                assertThat(w.dropped()).isZero();
                assertThat(w.written()).isEqualTo(2500);
            } finally {
                w.close();
            }
        }
    }
}
