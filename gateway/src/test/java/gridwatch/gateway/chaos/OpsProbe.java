package gridwatch.gateway.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the gateway's operations endpoints as a monitoring system would: {@code /health} (JSON,
 * 200 or 503) and {@code /metrics} (Prometheus text). Empty results while the gateway is down.
 */
public final class OpsProbe {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    public OpsProbe(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    Optional<JsonNode> health() throws InterruptedException {
        return get("/health").map(body -> {
            try {
                return json.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("/health is not JSON: " + body, e);
            }
        });
    }

    /** The value of an unlabelled sample, e.g. {@code gridwatch_outbox_pending}. */
    OptionalDouble metric(String name) throws InterruptedException {
        Optional<String> text = get("/metrics");
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        for (String line : text.get().split("\n")) {
            if (line.startsWith(name + " ")) {
                return OptionalDouble.of(Double.parseDouble(line.substring(name.length() + 1).strip()));
            }
        }
        throw new IllegalStateException("/metrics has no sample " + name);
    }

    /** Like {@link #metric}, NaN when the gateway is down or does not have the sample. */
    double metricOr(String name) throws InterruptedException {
        Optional<String> text = get("/metrics");
        if (text.isPresent()) {
            for (String line : text.get().split("\n")) {
                if (line.startsWith(name + " ")) {
                    return Double.parseDouble(line.substring(name.length() + 1).strip());
                }
            }
        }
        return Double.NaN;
    }

    private Optional<String> get(String path) throws InterruptedException {
        try {
            HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build();
            return Optional.of(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException down) {
            return Optional.empty();
        }
    }
}
