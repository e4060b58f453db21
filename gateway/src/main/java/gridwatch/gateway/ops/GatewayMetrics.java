package gridwatch.gateway.ops;

import gridwatch.gateway.alert.outbox.OutboxStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The gateway's Prometheus meters, in one place so names stay consistent. Thread-safe. */
public final class GatewayMetrics implements gridwatch.gateway.ingest.IngestMetrics, gridwatch.gateway.pipeline.PipelineMetrics,
        gridwatch.gateway.ingest.drone.DroneMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer publishLatency = Timer.builder("gridwatch.publish.latency")
            .description("Time from handing an alert to the MQTT client until the broker's PUBACK")
            .publishPercentiles(0.5, 0.99)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(100_000))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
    private final Counter published = Counter.builder("gridwatch.alerts.published")
            .description("Alerts acknowledged by the broker (redeliveries count again)").register(registry);
    private final Counter readingsDropped = Counter.builder("gridwatch.readings.dropped")
            .description("Readings dropped because the pipeline queue was full").register(registry);
    private final Counter findingsDropped = Counter.builder("gridwatch.findings.dropped")
            .description("Findings dropped: the pipeline's finding lane was full, or too many waited on one incident's alert").register(registry);

    private final Map<String, Counter> readingsIn = new ConcurrentHashMap<>();

    /** Hot path (every reading): the counter is looked up in the registry once per device, then cached. */
    private final Map<String, Counter> hj212Packets = new ConcurrentHashMap<>();
    /** Hot path (every alert): by alert type, then lifecycle; a registry lookup builds and hashes its tags each time. */
    private final Map<String, Map<String, Counter>> alertsProduced = new ConcurrentHashMap<>();

    @Override
    public void readingIn(String deviceId) {
        readingsIn.computeIfAbsent(deviceId, d -> registry.counter("gridwatch.readings.in", "device", d)).increment();
    }

    /** Readings the pipeline has taken in from one device. */
    public double readingsInCount(String deviceId) {
        var c = registry.find("gridwatch.readings.in").tag("device", deviceId).counter();
        return c == null ? 0 : c.count();
    }

    @Override
    public void readingDropped() {
        readingsDropped.increment();
    }

    @Override
    public void findingDropped() {
        findingsDropped.increment();
    }

    @Override
    public void alertProduced(String type, String lifecycle) {
        alertsProduced.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(lifecycle, l -> registry.counter("gridwatch.alerts.produced", "type", type, "lifecycle", l))
                .increment();
    }

    @Override
    public void alertNotStored(String reason) {
        registry.counter("gridwatch.alerts.not_stored", "reason", reason).increment();
    }

    /** An alert tap (recent alerts, log, a listener) dropped an alert because its own queue was full. */
    @Override
    public void tapDropped(String tap) {
        Counter.builder("gridwatch.alerts.tap.dropped").tag("tap", tap)
                .description("Stored alerts a slow subscriber missed because its queue was full").register(registry).increment();
    }

    public void published(long ackLatencyNanos) {
        published.increment();
        publishLatency.record(Duration.ofNanos(ackLatencyNanos));
    }

    public void watchOutbox(Supplier<OutboxStats> stats) {
        Gauge.builder("gridwatch.outbox.pending", () -> stats.get().depth())
                .description("Alerts stored and not yet acknowledged by the broker").register(registry);
        Gauge.builder("gridwatch.outbox.bytes", () -> stats.get().bytes()).baseUnit("bytes")
                .description("Bytes counted against the outbox bound").register(registry);
        Gauge.builder("gridwatch.outbox.max", () -> stats.get().maxBytes()).baseUnit("bytes")
                .description("The outbox bound").register(registry);
        Gauge.builder("gridwatch.outbox.evicted", () -> stats.get().evicted())
                .description("Less severe alerts evicted because the outbox was full").register(registry);
        Gauge.builder("gridwatch.outbox.dropped", () -> stats.get().dropped())
                .description("Alerts refused because the outbox was full of alerts at least as severe").register(registry);
        Gauge.builder("gridwatch.outbox.dead.letters", () -> stats.get().deadLetters())
                .description("Alerts the broker refused too often, kept in the dead-letter table").register(registry);
        Gauge.builder("gridwatch.outbox.disk.free", () -> stats.get().diskFreeBytes()).baseUnit("bytes")
                .description("Usable space on the outbox's file system (DISK_LOW in /health below 16 MiB)").register(registry);
        Gauge.builder("gridwatch.outbox.storage.failing", () -> stats.get().storageError() == null ? 0 : 1)
                .description("1 while the disk refuses outbox writes (alerts wait in memory)").register(registry);
    }

    public void watchUplink(BooleanSupplier connected) {
        Gauge.builder("gridwatch.uplink.connected", () -> connected.getAsBoolean() ? 1 : 0)
                .description("1 while connected to the broker").register(registry);
    }

    /** Redeliveries after a reconnect (the duplicates a center may see), broker refusals, refused alerts waiting to retry. */
    public void watchPublisher(Supplier<Long> resent, Supplier<Long> refusals, Supplier<Integer> waitingForRetry) {
        io.micrometer.core.instrument.FunctionCounter.builder("gridwatch.uplink.resent", resent, s -> s.get())
                .description("Alerts sent again after a reconnect (at-least-once redelivery, same id)").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("gridwatch.uplink.refused", refusals, s -> s.get())
                .description("PUBACKs with a failure reason code (the alert is retried, then dead-lettered)").register(registry);
        Gauge.builder("gridwatch.uplink.retry.waiting", () -> waitingForRetry.get())
                .description("Refused alerts waiting out their backoff").register(registry);
    }

    public void watchSuppressed(Supplier<Long> suppressed) {
        Gauge.builder("gridwatch.alerts.suppressed", () -> suppressed.get())
                .description("Findings held back by the cooldown after an incident ended").register(registry);
    }

    /** Called for every accepted packet on the event loops: the counter per CN is looked up once. */
    @Override
    public void hj212Packet(String cn) {
        hj212Packets.computeIfAbsent(cn, c -> registry.counter("gridwatch.hj212.packets", "cn", c)).increment();
    }

    @Override
    public void hj212Rejected(String reason) {
        registry.counter("gridwatch.hj212.rejected", "reason", reason).increment();
    }

    @Override
    public void protocolRejected(String protocol, String reason) {
        registry.counter("gridwatch." + protocol + ".rejected", "reason", reason).increment();
    }

    public double protocolRejectedCount(String protocol, String reason) {
        var c = registry.find("gridwatch." + protocol + ".rejected").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Override
    public void hj212Lenient() {
        registry.counter("gridwatch.hj212.rejected", "reason", "lenient_crc_accepted").increment();
    }

    public double hj212RejectedCount(String reason) {
        var c = registry.find("gridwatch.hj212.rejected").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Override
    public void watchConnections(String server, java.util.function.IntSupplier open) {
        Gauge.builder("gridwatch.connections", open::getAsInt).tag("server", server)
                .description("Open device connections per server").register(registry);
    }

    public void watchTimeSeries(Supplier<Long> written, Supplier<Long> dropped, Supplier<Long> spoolBytes) {
        Gauge.builder("gridwatch.timeseries.written", written::get).description("Points written to InfluxDB").register(registry);
        Gauge.builder("gridwatch.timeseries.dropped", dropped::get)
                .description("Points lost: queue or spool full").register(registry);
        Gauge.builder("gridwatch.timeseries.spool", spoolBytes::get).baseUnit("bytes")
                .description("Line protocol waiting on disk for the database").register(registry);
    }

    public long publishedCount() {
        return (long) published.count();
    }

    public Timer publishLatency() {
        return publishLatency;
    }

    public String scrape() {
        return registry.scrape();
    }

    /** A device value that was not a usable number (nan, infinite, overflow, out_of_type); it became one BAD reading. */
    @Override
    public void valueUnusable(String deviceId, String reason) {
        registry.counter("gridwatch.readings.unusable", "device", deviceId, "reason", reason).increment();
    }

    public double valueUnusableCount(String deviceId, String reason) {
        var c = registry.find("gridwatch.readings.unusable").tag("device", deviceId).tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Override
    public void photoAccepted(String source) {
        registry.counter("gridwatch.drone.photos.accepted", "source", source).increment();
    }

    @Override
    public void photoDuplicate(String source) {
        registry.counter("gridwatch.drone.photos.duplicate", "source", source).increment();
    }

    @Override
    public void photoRefused(String source, String reason) {
        registry.counter("gridwatch.drone.photos.refused", "source", source, "reason", reason).increment();
    }

    @Override
    public void photoProcessed(String outcome) {
        registry.counter("gridwatch.drone.photos.processed", "outcome", outcome).increment();
    }

    @Override
    public void watchPending(java.util.function.LongSupplier pending) {
        Gauge.builder("gridwatch.drone.photos.pending", pending::getAsLong)
                .description("Drone photos stored and waiting for analysis (the ledger's queue)").register(registry);
    }
}
