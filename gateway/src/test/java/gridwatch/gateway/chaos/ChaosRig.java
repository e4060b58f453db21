package gridwatch.gateway.chaos;

import gridwatch.gateway.support.CpuBurners;

import gridwatch.gateway.net.LoopbackPorts;
import gridwatch.gateway.support.Influxd;
import gridwatch.gateway.support.Mosquitto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Everything one scenario runs, all real processes: mosquitto (persistence on), optionally
 * InfluxDB, optionally the black-hole proxy between gateway and broker, optionally a small disk
 * under the outbox, the independent subscriber, the gateway as a child JVM running
 * {@code gridwatch run}, the outbox journal, four CPU burners, and the HJ 212 stations feeding
 * the gateway. Started in that order and closed in reverse, except that the burners stop first
 * and the gateway is SIGKILLed (its clean stop is not under test, and takes seconds on a busy
 * box). Harness thread only.
 */
final class ChaosRig implements AutoCloseable {

    /** What a scenario needs beyond the basics. {@code diskBytes} 0: the outbox on the ordinary disk. */
    record Options(boolean proxy, int keepAliveSeconds, long diskBytes, boolean influx) {
        static Options plain() {
            return new Options(false, 30, 0, false);
        }
    }

    static final String GATEWAY_ID = "chaos-box";
    /** An ack this long before a broker SIGKILL (autosave every second, plus slack for a busy box) may be lost with it. */
    private static final long LOST_BEFORE_KILL_MS = 3000;
    /** The row's deletion is committed after the PUBACK: it may land just after the kill. */
    private static final long LOST_AFTER_KILL_MS = 2000;

    /** A fault the harness injected, at wall-clock time (the journal's clock). */
    record Fault(String what, long epochMillis) {
    }
    private static final int BURNERS = 4;

    private final String scenario;
    private final ChaosScale scale = ChaosScale.current();
    private final long seed = ChaosScale.seed();
    private final Random random = new Random(seed);
    private final Path dir;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final RecoveryTimes recovery = new RecoveryTimes();
    private final List<Fault> injected = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private CpuBurners burners;
    private Mosquitto broker;
    private Influxd influx;
    private BlackHoleProxy proxy;
    private SmallDisk disk;
    private ChaosSubscriber center;
    private ChaosBox box;
    private OpsProbe ops;
    private GatewayChild gateway;
    private Journal journal;
    private StationFeeder feeder;

    private ChaosRig(Path dir, String scenario) {
        this.dir = dir;
        this.scenario = scenario;
    }

    static ChaosRig start(Path dir, String scenario, Options o) throws Exception {
        ChaosRig rig = new ChaosRig(dir, scenario);
        try {
            rig.startAll(o);
            return rig;
        } catch (Exception | Error e) {
            rig.close();
            throw e;
        }
    }

    private void startAll(Options o) throws Exception {
        broker = own(new Mosquitto(Files.createDirectories(dir.resolve("broker"))));
        if (o.influx()) {
            influx = own(new Influxd(Files.createDirectories(dir.resolve("influx"))));
        }
        if (o.proxy()) {
            proxy = own(new BlackHoleProxy(broker.port()));
        }
        Path outboxDir = dir.resolve("outbox");
        if (o.diskBytes() > 0) {
            disk = own(SmallDisk.at(dir.resolve("disk"), o.diskBytes()));
            outboxDir = dir.resolve("disk").resolve("outbox");
        }
        box = new ChaosBox(GATEWAY_ID, proxy != null ? proxy.url() : broker.url(), o.keepAliveSeconds(), outboxDir,
                LoopbackPorts.free(), LoopbackPorts.free(), scale.stations(), influx != null ? influx.url() : null,
                dir.resolve("influx-spool"));
        center = own(new ChaosSubscriber(broker.url(), box.alertTopicFilter()));
        ops = new OpsProbe(box.httpPort());
        gateway = own(new GatewayChild(box.write(dir.resolve("box.yaml")), dir.resolve("gateway.log"), ops,
                disk != null ? disk.gatewayPrefix() : List.of()));
        gateway.start();
        if (disk != null) {
            disk.seenBy(gateway::pid);
        }
        Path db = outboxDir.resolve("outbox.db");
        journal = disk != null && disk.namespaced()
                ? own(RemoteJournal.start(disk.enterPrefix(), db, dir.resolve("journal-server.log")))
                : new OutboxJournal(db);
        journal.install();
        // Burners from here on: the faults and the flow happen on a saturated CPU (restarts in scenario (c)
        // too); the first start of the JVMs does not need to, and is slow enough on a busy box already.
        burners = own(new CpuBurners(BURNERS));
        feeder = own(new StationFeeder(box.hj212Port(), box.mns(), scale.alertsPerSecond()));
        feeder.start();
    }

    private <T extends AutoCloseable> T own(T resource) {
        opened.add(resource);
        return resource;
    }

    ChaosScale scale() {
        return scale;
    }

    Random random() {
        return random;
    }

    /** SIGKILLs the broker, noting when (an alert it acknowledged just before may be lost with it). */
    void killBroker() {
        injected.add(new Fault("broker SIGKILL", System.currentTimeMillis()));
        broker.kill();
    }

    /** SIGTERMs the broker: it saves its persistence and says goodbye first. */
    void stopBroker() {
        injected.add(new Fault("broker SIGTERM", System.currentTimeMillis()));
        broker.stop();
    }

    void startBroker() throws IOException {
        broker.start();
    }

    Influxd influx() {
        return influx;
    }

    BlackHoleProxy proxy() {
        return proxy;
    }

    SmallDisk disk() {
        return disk;
    }

    ChaosSubscriber center() {
        return center;
    }

    OpsProbe ops() {
        return ops;
    }

    GatewayChild gateway() {
        return gateway;
    }

    RecoveryTimes recovery() {
        return recovery;
    }

    /** A random duration between the scale's shortest and longest flow. */
    Duration randomFlow() {
        return between(scale.flowMin(), scale.flowMax());
    }

    Duration between(Duration min, Duration max) {
        return Duration.ofMillis(min.toMillis() + (long) (random.nextDouble() * (max.toMillis() - min.toMillis())));
    }

    /** Lets alerts flow for {@code d}; fails at once if the gateway process died on its own. */
    void flow(Duration d) throws InterruptedException, IOException {
        long until = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < until) {
            if (!gateway.alive()) {
                throw new AssertionError("the gateway process died on its own; log tail:\n" + gateway.tail(60));
            }
            Thread.sleep(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    /**
     * Waits until {@code condition} holds, polling every 100 ms, for at most {@code max}; returns
     * whether it held. For checks whose failure the verdict reports itself.
     */
    static boolean waitFor(Duration max, Check condition) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.holds();
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    /**
     * Stops the stations and waits, up to the scale's drain timeout, until every produced id has
     * arrived; then reads the outbox depth two ways and builds the verdict.
     *
     * @param everySentIsProduced whether the gateway ran throughout, so every packet sent must become an alert
     */
    Verdict finish(String faults, long maxDuplicates, boolean everySentIsProduced, String notes) throws Exception {
        feeder.stop();
        long sent = feeder.sent();
        long deadline = System.nanoTime() + scale.drainTimeout().toNanos();
        if (everySentIsProduced) {
            waitFor(scale.drainTimeout(), () -> journal.producedCount() >= sent);
        } else {
            waitFor(Duration.ofSeconds(10), stableFor(journal::producedCount, Duration.ofSeconds(3)));
        }
        List<String> produced = journal.produced();
        // Done when all arrived, or when the outbox is empty and nothing has come for 15 s: then
        // nothing is left to deliver on either side, and waiting out the timeout proves nothing more.
        waitFor(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> center.hasAll(produced)
                || journal.rowsLeft() == 0 && System.nanoTime() - center.lastArrivalNanos() > TimeUnit.SECONDS.toNanos(15));
        // Acknowledgements are committed in the writer's next batch: give the depth a moment to settle.
        double[] pending = {Double.NaN};
        long[] rows = {-1};
        waitFor(Duration.ofSeconds(20), () -> {
            OptionalDouble m = ops.metric("gridwatch_outbox_pending");
            pending[0] = m.orElse(Double.NaN);
            rows[0] = journal.rowsLeft();
            return m.isPresent() && m.getAsDouble() == rows[0] && rows[0] == 0;
        });
        Set<String> received = center.ids();
        List<String> missing = produced.stream().filter(id -> !received.contains(id)).toList();
        Set<String> inOutbox = journal.pending();
        Map<String, Long> removedAt = journal.removedAt();
        Set<String> deadLettered = journal.deadLettered();
        double gaveUp = ops.metricOr("gridwatch_outbox_evicted") + ops.metricOr("gridwatch_outbox_dropped")
                + ops.metricOr("gridwatch_outbox_dead_letters");
        double resent = ops.metricOr("gridwatch_uplink_resent_total");
        Set<String> producedSet = new HashSet<>(produced);
        List<String> unexpected = received.stream().filter(id -> !producedSet.contains(id)).sorted().toList();
        long inOutboxCount = missing.stream().filter(inOutbox::contains).count();
        long deadLetterCount = missing.stream().filter(deadLettered::contains).count();
        List<String> lostByBroker = missing.stream().filter(id -> !inOutbox.contains(id) && !deadLettered.contains(id)
                && removedAt.containsKey(id) && nearBrokerKill(removedAt.get(id))).toList();
        long brokerKills = injected.stream().filter(f -> f.what().equals("broker SIGKILL")).count();
        String allNotes = notes + (notes.isEmpty() ? "" : " | ") + "gateway up after (ms) " + gateway.startMillis()
                + (lostByBroker.isEmpty() ? "" : " | lost by broker: " + lostByBroker.stream().limit(5)
                        .map(id -> id + " acked " + ackBeforeKill(removedAt.get(id)) + " ms before a SIGKILL").toList())
                + (producedSet.size() != produced.size()
                        ? " | PRODUCED TWICE: " + (produced.size() - producedSet.size()) + " ids committed more than once" : "");
        Verdict v = new Verdict(scenario, scale.name(), seed, sent, producedSet.size(),
                producedSet.size() - missing.size(), center.duplicates(), maxDuplicates, missing, inOutboxCount, deadLetterCount,
                lostByBroker.size(), brokerKills * scale.alertsPerSecond(),
                missing.size() - inOutboxCount - deadLetterCount - lostByBroker.size(),
                unexpected, List.copyOf(center.redeliveredWithDifferentBytes()), recovery, pending[0], rows[0], gaveUp, resent,
                faults, (System.nanoTime() - startNanos) / 1_000_000_000L, allNotes);
        v.report();
        return v;
    }

    private boolean nearBrokerKill(long ackedAtMillis) {
        return injected.stream().anyMatch(f -> f.what().equals("broker SIGKILL")
                && ackedAtMillis >= f.epochMillis() - LOST_BEFORE_KILL_MS && ackedAtMillis <= f.epochMillis() + LOST_AFTER_KILL_MS);
    }

    /** Milliseconds from an ack to the nearest broker SIGKILL after it (negative: the kill came first). */
    private long ackBeforeKill(long ackedAtMillis) {
        return injected.stream().filter(f -> f.what().equals("broker SIGKILL"))
                .map(f -> f.epochMillis() - ackedAtMillis).min((a, b) -> Long.compare(Math.abs(a), Math.abs(b))).orElse(Long.MIN_VALUE);
    }

    private static Check stableFor(Counter counter, Duration quiet) {
        long[] last = {-1, System.nanoTime()};
        return () -> {
            long now = counter.get();
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - last[1] >= quiet.toNanos();
        };
    }

    @FunctionalInterface
    interface Counter {
        long get() throws SQLException;
    }

    /** Log evidence for a failure message: the gateway's warnings and errors, and the broker's disconnect reasons. */
    String diagnostics() throws IOException {
        List<String> gw = gateway.grep(25, " WARN ", " ERROR ");
        Path brokerLog = dir.resolve("broker").resolve("mosquitto.log");
        List<String> mq = Files.exists(brokerLog) ? Files.readAllLines(brokerLog, StandardCharsets.UTF_8) : List.of();
        long protocolErrors = mq.stream().filter(l -> l.contains("protocol error")).count();
        List<String> gwBroker = mq.stream().filter(l -> l.contains(GATEWAY_ID) && (l.contains("isconnect") || l.contains("error")))
                .limit(15).toList();
        return "\n--- gateway log (" + gateway.log() + "), WARN/ERROR lines (first 25):\n" + String.join("\n", gw)
                + "\n--- broker log (" + brokerLog + "): " + protocolErrors + " 'protocol error' lines; gateway disconnects (first 15):\n"
                + String.join("\n", gwBroker)
                + "\n--- stations: " + feeder.sent() + " packets sent, " + feeder.failed() + " not sent (gateway unreachable)";
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        if (burners != null) {
            burners.close(); // first, so the teardown is not slowed down too
        }
        if (gateway != null && gateway.alive()) {
            gateway.kill9();
        }
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
