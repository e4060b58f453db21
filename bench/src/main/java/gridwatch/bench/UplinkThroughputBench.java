package gridwatch.bench;

import org.jspecify.annotations.Nullable;

import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.config.model.UplinkConfig;
import gridwatch.gateway.alert.json.AlertJson;
import gridwatch.gateway.alert.outbox.Outbox;
import gridwatch.gateway.alert.outbox.OutboxMessage;
import gridwatch.gateway.alert.outbox.OutboxEntry;
import gridwatch.gateway.alert.outbox.Routing;
import gridwatch.gateway.uplink.mqtt.AlertMessages;
import gridwatch.gateway.uplink.mqtt.MqttUplink;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import gridwatch.gateway.uplink.mqtt.OutboxPublisher;
import gridwatch.gateway.runtime.Gateway;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Alerts/s through outbox + uplink (append, commit, publish, PUBACK, delete), and through the
 * whole gateway (rules, encoding, outbox, uplink), each against a bare Paho v5 QoS 1 publisher
 * sending the same payload with the same in-flight window to the same broker, in the same run; and against a bare
 * publisher sending the gateway's whole PUBLISH (the payload and its MQTT 5 properties). Each bare rate is the median
 * of three runs.
 * Args: brokerUrl alerts rounds.
 */
public final class UplinkThroughputBench {

    /**
     * Readings the harness keeps ahead of the broker's acknowledgements: five times the in-flight window of 100, so the
     * pipeline never waits for the feeder (a 1 ms sleep at 30k alerts/s is 30 alerts), as the bare client, blocked on
     * its window, never waits for its loop. More only parks alerts in memory: a backlog of 40,000 (the earlier value)
     * lived long enough to be copied into the old generation at every young collection, and that copying, not the
     * gateway, was then much of what was measured.
     */
    private static final int LEAD = Integer.getInteger("bench.lead", 500);
    private static final int BARE_RUNS = 3;
    /** Warm-up rounds of each kind before the measured ones. */
    private static final int WARMUPS = Integer.getInteger("bench.warmups", 3);

    public static void main(String[] args) throws Exception {
        String broker = args[0];
        int n = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        AtomicReference<byte @Nullable []> sample = new AtomicReference<>();
        // Warm-up, not reported: a gateway runs for months, so cold-JIT figures would mislead (one round left the JIT
        // compiling through the first measured rounds).
        gatewayRate("bench-warm", broker, n, true, sample);
        byte[] payload = Objects.requireNonNull(sample.get(), "the warm-up gateway stored no alert");
        if (Boolean.getBoolean("bench.printSample")) {
            System.out.println(new String(payload, java.nio.charset.StandardCharsets.UTF_8));   // what is measured
        }
        // The PUBLISH the gateway sends for that alert: its payload and its MQTT 5 properties (content type, payload
        // format, the six routing user properties), made from an outbox row as the publisher makes it.
        OutboxEntry row = new OutboxEntry(1, "a1", "noise-1", 2, "noise.construction", payload,
                new Routing("start", "01a22594-2369-72d6-b45a-8a7a6fdc9bd8", "310104007012"));
        MqttProperties wire = new AlertMessages(null).of(row).getProperties();
        if (Boolean.getBoolean("bench.gatewayOnly")) {
            // Whole-gateway rounds only, no ratio: for a profiler attached to this process (perf, JFR), whose samples
            // would otherwise be mostly of the bare client's rounds.
            for (int r = 0; r < rounds; r++) {
                Measured gw = gatewayRate("bench-gw", broker, n, true, sample);
                System.out.printf("gateway only, round %d: %.0f alerts/s, %.1f us CPU per alert%n", r + 1, gw.perSecond(), gw.cpuMicros());
            }
            System.exit(0);
        }
        for (int w = 0; w < WARMUPS; w++) {
            gatewayRate("bench-warm", broker, n, true, sample);
            outboxUplinkRate("bench-warm", broker, n, true, payload);
            bareRate(broker, n, payload, 100, null);
            bareRate(broker, n, payload, 100, wire);
        }
        for (boolean fsync : new boolean[] {true, false}) {
            for (int r = 0; r < rounds; r++) {
                Measured ou = outboxUplinkRate("bench-ou", broker, n, fsync, payload);
                Measured bare = medianBareRate(broker, n, payload, null);
                Measured same = medianBareRate(broker, n, payload, wire);
                Measured gw = gatewayRate("bench-gw", broker, n, fsync, sample);
                System.out.printf("fsync=%s round %d: outbox+uplink %.0f alerts/s, bare Paho %.0f msg/s, ratio %.2f; "
                                + "whole gateway (rules+encode+outbox+uplink) %.0f alerts/s, ratio %.2f (payload %d B)%n",
                        fsync, r + 1, ou.perSecond(), bare.perSecond(), ou.perSecond() / bare.perSecond(), gw.perSecond(),
                        gw.perSecond() / bare.perSecond(), payload.length);
                // CPU time of this process per message over each timed span: steadier than rates when other work shares
                // the cores.
                System.out.printf("fsync=%s round %d: CPU per message: bare Paho %.1f us, outbox+uplink %.1f us (ratio %.2f), "
                                + "whole gateway %.1f us (ratio %.2f)%n",
                        fsync, r + 1, bare.cpuMicros(), ou.cpuMicros(), bare.cpuMicros() / ou.cpuMicros(), gw.cpuMicros(),
                        bare.cpuMicros() / gw.cpuMicros());
                // The same PUBLISH as the gateway's, properties and all: what the gateway itself adds to sending it.
                System.out.printf("fsync=%s round %d: bare Paho sending the gateway's PUBLISH (payload + MQTT 5 properties) %.0f msg/s; "
                                + "whole gateway / that %.2f, outbox+uplink / that %.2f%n", fsync, r + 1, same.perSecond(),
                        gw.perSecond() / same.perSecond(), ou.perSecond() / same.perSecond());
            }
        }
        System.exit(0);
    }

    /**
     * Each round starts from a collected heap, not from the garbage of the round before it (JMH's {@code -gc true}).
     * It also gives the heap the shape a box's takes once it has run under load: the serial collector sizes its young
     * generation only at a full collection, so until the first one a JVM started with {@code -Xms16m} copies its
     * in-flight alerts through a 10 MB young generation every few milliseconds, which a box running for days does not.
     */
    /** A rate, and the process's CPU per operation over the same timed span (set-up and tear-down left out). */
    record Measured(double perSecond, double cpuMicros) {
    }

    private static void startFromCollectedHeap() {
        System.gc();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Pre-encoded alerts appended to the outbox as fast as it takes them, until the broker has acknowledged all. */
    static Measured outboxUplinkRate(String dirPrefix, String broker, int n, boolean fsync, byte[] payload) throws Exception {
        try (ScratchDir dir = ScratchDir.create(dirPrefix)) {
            return outboxUplinkRate(dir.path(), broker, n, fsync, payload);
        }
    }

    private static Measured outboxUplinkRate(Path dir, String broker, int n, boolean fsync, byte[] payload) throws Exception {
        startFromCollectedHeap();
        UplinkConfig up = new UplinkConfig(broker, "bench-ou-" + System.nanoTime(), "gridwatch/v1", null, null, null,
                30, 0L, 100);
        AtomicLong acked = new AtomicLong();
        try (Outbox outbox = new Outbox(dir, 1L << 30, fsync);
             MqttUplink uplink = new MqttUplink(up, "bench-box", Clock.systemUTC());
             OutboxPublisher publisher = new OutboxPublisher(outbox, uplink, nanos -> acked.incrementAndGet())) {
            uplink.start();
            publisher.start();
            uplink.awaitConnected(10_000);
            long start = System.nanoTime();
            long cpu0 = cpuNanos();
            for (int i = 0; i < n; i++) {
                outbox.append(new OutboxMessage("a" + i, "noise-1", 2, "noise.construction", payload));
            }
            while (acked.get() < n) {
                Thread.sleep(1);
            }
            return new Measured(n / ((System.nanoTime() - start) / 1e9), (cpuNanos() - cpu0) / 1e3 / n);
        }
    }

    /** Readings alternate across the limit, so each one becomes an alert (start or end). */
    static Measured gatewayRate(String dirPrefix, String broker, int n, boolean fsync, AtomicReference<byte @Nullable []> sample) throws Exception {
        try (ScratchDir dir = ScratchDir.create(dirPrefix)) {
            return gatewayRate(dir.path(), broker, n, fsync, sample);
        }
    }

    private static Measured gatewayRate(Path dir, String broker, int n, boolean fsync, AtomicReference<byte @Nullable []> sample) throws Exception {
        startFromCollectedHeap();
        Path file = BenchBox.write(dir, broker, fsync);
        EdgeConfig cfg = BenchBox.load(file);
        AlertJson json = new AlertJson();
        // Encode one alert for the payload sample, not every alert: the harness must not eat the cores it measures.
        try (Gateway g = Gateway.start(file, cfg, a -> {
            if (sample.get() == null) {
                sample.compareAndSet(null, json.encode(a));
            }
        })) {
            g.uplink().awaitConnected(10_000);
            Instant t = Instant.parse("2026-11-20T14:00:00Z");
            java.util.Map<String, Long> cpuBefore = ThreadCpu.byName();
            ThreadCpu.Jvm jvmBefore = ThreadCpu.Jvm.now();
            ThreadCpu.Machine machineBefore = ThreadCpu.Machine.now();
            long start = System.nanoTime();
            long cpu0 = cpuNanos();
            for (int i = 0; i < n; i++) {
                g.pipeline().accept(new Reading("noise-1", "Leq", i % 2 == 0 ? 75 : 60, "dB(A)", t.plusSeconds(i), Quality.GOOD));
                while (i - g.metrics().publishedCount() > LEAD) {
                    Thread.sleep(1);
                }
            }
            while (g.metrics().publishedCount() < n) {
                Thread.sleep(1);
            }
            Measured rate = new Measured(n / ((System.nanoTime() - start) / 1e9), (cpuNanos() - cpu0) / 1e3 / n);
            if (Boolean.getBoolean("bench.threadCpu")) {
                System.out.println("  CPU per alert by thread: " + ThreadCpu.perOp(cpuBefore, ThreadCpu.byName(), n)
                        + "; " + jvmBefore.perOp(ThreadCpu.Jvm.now(), n) + "; " + ThreadCpu.Machine.now().since(machineBefore));
            }
            return rate;
        }
    }

    /**
     * The median of {@link #BARE_RUNS} bare runs: one bare run of 50,000 lasts under a second and varied by a fifth from
     * one to the next on the same quiet machine (49k to 72k msg/s), which moved every ratio as much as any change.
     */
    static Measured medianBareRate(String broker, int n, byte[] payload, @Nullable MqttProperties properties) throws Exception {
        Measured[] runs = new Measured[BARE_RUNS];
        for (int i = 0; i < BARE_RUNS; i++) {
            runs[i] = bareRate(broker, n, payload, 100, properties);
        }
        java.util.Arrays.sort(runs, java.util.Comparator.comparingDouble(Measured::perSecond));
        return runs[BARE_RUNS / 2];
    }

    /** @param properties the MQTT 5 properties of every PUBLISH, or null for none (the payload alone) */
    static Measured bareRate(String broker, int n, byte[] payload, int window, @Nullable MqttProperties properties) throws Exception {
        startFromCollectedHeap();
        MqttAsyncClient c = new MqttAsyncClient(broker, "bare-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        IMqttToken ct = c.connect(o);
        ct.waitForCompletion(10_000);
        Integer serverMax = ct.getResponseProperties() == null ? null : ct.getResponseProperties().getReceiveMaximum();
        Semaphore slots = new Semaphore(Math.min(window, serverMax == null ? 65_535 : serverMax));
        CountDownLatch done = new CountDownLatch(n);
        MqttActionListener ack = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken t) {
                slots.release();
                done.countDown();
            }

            @Override
            public void onFailure(IMqttToken t, Throwable e) {
                slots.release();
                done.countDown();
            }
        };
        ThreadCpu.Machine machineBefore = ThreadCpu.Machine.now();
        java.util.Map<String, Long> threadsBefore = ThreadCpu.byName();
        long start = System.nanoTime();
        long cpu0 = cpuNanos();
        for (int i = 0; i < n; i++) {
            slots.acquire();
            c.publish("bench/bare", new MqttMessage(payload, 1, false, properties), null, ack);
        }
        done.await(120, TimeUnit.SECONDS);
        Measured rate = new Measured(n / ((System.nanoTime() - start) / 1e9), (cpuNanos() - cpu0) / 1e3 / n);
        if (Boolean.getBoolean("bench.threadCpu")) {
            System.out.printf("  bare%s: %.0f msg/s, CPU per message by thread: %s; %s%n", properties == null ? "" : " (gateway's PUBLISH)",
                    rate.perSecond(), ThreadCpu.perOp(threadsBefore, ThreadCpu.byName(), n), ThreadCpu.Machine.now().since(machineBefore));
        }
        c.disconnect().waitForCompletion(5000);
        c.close();
        return rate;
    }
}
