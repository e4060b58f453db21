package gridwatch.gateway.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario (e) of issue 8: InfluxDB (where every reading goes) is stopped mid-stream and started
 * again, on a saturated CPU. Alerts must not notice: they keep arriving at the center without a
 * pause. Readings wait in the spool while the database is away (health says SPOOLING) and every
 * one of them is in the database afterwards.
 */
@Tag("chaos")
class InfluxDownChaosTest {

    /** Alerts arrive at 50 to 100 a second; a pause this long means the database outage reached them. */
    private static final Duration MAX_ALERT_GAP = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void alertsKeepFlowingWhileInfluxIsDownAndEveryReadingIsStoredAfterward() throws Exception {
        try (ChaosRig rig = ChaosRig.start(dir, "e-influx-down", new ChaosRig.Options(false, 30, 0, true))) {
            ChaosScale scale = rig.scale();
            rig.flow(Duration.ofSeconds(3));
            long down = System.nanoTime();
            rig.influx().stop();
            boolean spooling = ChaosRig.waitFor(Duration.ofSeconds(30), () -> "SPOOLING".equals(timeseriesState(rig)));
            long left = scale.influxDownFor().toNanos() - (System.nanoTime() - down);
            if (left > 0) {
                rig.flow(Duration.ofNanos(left));
            }
            long gapMillis = rig.center().longestGapNanos(down, System.nanoTime()) / 1_000_000;
            rig.influx().start();
            long up = System.nanoTime();
            boolean drained = ChaosRig.waitFor(Duration.ofSeconds(90), () -> "OK".equals(timeseriesState(rig)));
            long drainMillis = (System.nanoTime() - up) / 1_000_000;
            rig.flow(Duration.ofSeconds(2));
            Verdict v = rig.finish("InfluxDB down for %ds".formatted(scale.influxDownFor().toSeconds()),
                    Redelivery.bound(0, scale), true,
                    "longest alert gap while down %d ms; spool drained %d ms after restart".formatted(gapMillis, drainMillis));
            long sent = v.sent();
            long[] points = {-1};
            ChaosRig.waitFor(Duration.ofSeconds(60), () -> (points[0] = points(rig)) >= sent);
            double dropped = rig.ops().metric("gridwatch_timeseries_dropped").orElse(-1);
            assertThat(spooling).as("health showed the time series SPOOLING while InfluxDB was down; %s", v.summaryLine()).isTrue();
            assertThat(gapMillis).as("longest stretch without a new alert while InfluxDB was down, ms").isLessThan(MAX_ALERT_GAP.toMillis());
            assertThat(drained).as("the spool drained after InfluxDB returned").isTrue();
            assertThat(points[0]).as("readings in InfluxDB (every packet sent is one reading)").isEqualTo(sent);
            assertThat(dropped).as("gridwatch_timeseries_dropped").isZero();
            ChaosAssertions.assertPass(rig, v, true);
        }
    }

    private static String timeseriesState(ChaosRig rig) throws InterruptedException {
        return rig.ops().health().map(h -> h.path("components").path("timeseries").path("state").asText()).orElse("");
    }

    /** Points stored in the chaos database, through InfluxDB's own query API. */
    private static long points(ChaosRig rig) throws Exception {
        String q = URLEncoder.encode("SELECT count(\"value\") FROM \"reading\"", StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(rig.influx().url() + "/query?db=chaos&q=" + q)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode values = new ObjectMapper().readTree(r.body()).path("results").path(0).path("series").path(0).path("values");
        return values.isMissingNode() || values.isEmpty() ? 0 : values.path(0).path(1).asLong();
    }
}
