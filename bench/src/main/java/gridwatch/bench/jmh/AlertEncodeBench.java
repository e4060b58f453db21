package gridwatch.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.config.model.GridCell;
import gridwatch.config.model.Location;
import gridwatch.detectors.core.Evidence;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.core.Severity;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.Category;
import gridwatch.gateway.alert.DeviceRef;
import gridwatch.gateway.alert.Lifecycle;
import gridwatch.gateway.alert.json.AlertJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One alert encoded as the pipeline encodes every alert (a noise START as the throughput benchmark makes them: Chinese
 * category and grid-cell names, four measurements, a one-point series as evidence), against Jackson's databind writing
 * the same alert record (the data part alone, so the baseline does less than the encoder). Nanoseconds per alert.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AlertEncodeBench {

    private final AlertJson json = new AlertJson();
    private final ObjectMapper databind = AlertJson.mapper();
    private final Alert alert = new Alert(UUID.fromString("01a20808-6b77-7035-916a-afbf8c4b60b5"),
            UUID.fromString("01a20808-4470-7bbf-a520-bb47d57176b3"), 0, "bench-box", "noise.construction",
            new Category("03-01", "施工扰民", "event", "CJT214"), Severity.YELLOW, Lifecycle.START, null, "loud",
            new DeviceRef("noise-1", null, "decibel-meter-rs485"), new Location(31.17, 121.43), "z1",
            new GridCell("310104007012", "漕河泾街道 第12网格"), null, null, Instant.parse("2026-11-20T14:00:00Z"),
            Instant.parse("2026-11-20T14:00:00Z"), Instant.parse("2026-11-29T07:26:38.291169861Z"),
            "Leq 75.0 dB(A) over the limit 70.0",
            List.of(new Measurement("Leq", 75.0, "dB(A)"), new Measurement("limit", 70.0, "dB(A)"),
                    new Measurement("exceedance", 5.0, "dB(A)"), new Measurement("peak", 75.0, "dB(A)")),
            List.of(new Evidence("series", "application/json", null, Map.of("resource", "Leq", "unit", "dB(A)",
                    "points", List.of(Map.of("t", "2026-11-20T14:00:00Z", "v", 75.0))))),
            List.of());

    @Benchmark
    public byte[] gatewayEncoder() {
        return json.encode(alert);
    }

    @Benchmark
    public byte[] databindDataOnly() throws Exception {
        return databind.writeValueAsBytes(alert);
    }
}
