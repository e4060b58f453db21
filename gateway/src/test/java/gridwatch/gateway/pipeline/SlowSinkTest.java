package gridwatch.gateway.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.Lifecycle;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8, defect 5: a subscriber to stored alerts that takes its time (here: blocks until released) delays only
 * itself. The outbox keeps committing and the other subscribers (the recent-alerts view behind /api/alerts) keep
 * hearing of every alert; the slow one hears of them all, in order, once it is free again.
 */
@Tag("servers")
class SlowSinkTest {

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Instant t = Instant.parse("2026-11-20T14:00:00Z");

    private void leq(Gateway g, double v) {
        g.pipeline().accept(new Reading("noise-1", "Leq", v, "dB(A)", t, Quality.GOOD));
        t = t.plusSeconds(1);
    }

    private JsonNode recentAlerts(Gateway g) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.httpPort() + "/api/alerts?limit=50")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("alerts");
    }

    @Test
    void aSubscriberThatBlocksDelaysNeitherTheOutboxNorTheOthers() throws Exception {
        Path file = TestConfigs.thresholdBox(dir, "tcp://127.0.0.1:1", 70, "outbox");
        CountDownLatch release = new CountDownLatch(1);
        Queue<Alert> heard = new ConcurrentLinkedQueue<>();
        Consumer<Alert> slow = a -> {
            heard.add(a);
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), slow)) {
            try {
                leq(g, 75);
                await().atMost(10, TimeUnit.SECONDS).until(() -> heard.size() == 1); // now stuck in the first alert

                leq(g, 60);
                leq(g, 76);
                leq(g, 60);
                await().atMost(10, TimeUnit.SECONDS).until(() -> g.outbox().stats().appended() == 4);
                await().atMost(10, TimeUnit.SECONDS).until(() -> recentAlerts(g).size() == 4);
                assertThat(heard).hasSize(1);
            } finally {
                release.countDown();
            }
            await().atMost(10, TimeUnit.SECONDS).until(() -> heard.size() == 4);
            List<Lifecycle> order = heard.stream().map(Alert::lifecycle).toList();
            assertThat(order).containsExactly(Lifecycle.START, Lifecycle.END, Lifecycle.START, Lifecycle.END);
        }
    }
}
