package gridwatch.bench;

import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.net.mqtt.MqttCallbackAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Reading-to-delivery latency: readings go in at a fixed rate, every one of them crossing the
 * limit (the worst case: each reading is an alert), and an independent subscriber on the same
 * broker timestamps each alert on arrival. The reading's index rides in its value, so each
 * arrival is matched to its send time. This is reading → rules → outbox (fsync) → broker →
 * subscriber, a superset of reading → PUBACK. Args: brokerUrl readingsPerSecond seconds.
 */
public final class LatencyBench {

    public static void main(String[] args) throws Exception {
        String broker = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int n = rate * seconds;
        long[] sent = new long[n];
        long[] latency = new long[n];
        AtomicInteger received = new AtomicInteger();
        ObjectMapper json = new ObjectMapper();

        MqttClient sub = new MqttClient(broker, "latency-sub", new MemoryPersistence());
        sub.connect(new MqttConnectionOptions());
        // Paho 1.2.5's subscribe(topic, qos, listener) recurses forever; a callback avoids it.
        sub.setCallback(new MqttCallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage m) throws Exception {
                long now = System.nanoTime();
                JsonNode e = json.readTree(m.getPayload());
                double v = e.at("/data/measurements/0/value").asDouble();
                int i = (int) Math.round(v > 70 ? (v - 80) * 1e4 : (60 - v) * 1e4);
                if ((v >= 80 || v <= 60) && i >= 0 && i < n && latency[i] == 0) {
                    latency[i] = now - sent[i];
                    received.incrementAndGet();
                }
            }
        });
        sub.subscribe("gridwatch/v1/bench-box/alerts/#", 1);

        try (ScratchDir dir = ScratchDir.create("bench-latency");
             Gateway g = startIn(dir, broker)) {
            g.uplink().awaitConnected(10_000);
            Instant t = Instant.parse("2026-11-20T14:00:00Z");
            // Warm-up, not measured: 3 s at the same rate (values on another key range, ignored by the subscriber).
            for (int w = 0; w < rate * 3; w++) {
                // A day before the measured readings, so reading time never runs backwards into them.
                g.pipeline().accept(new Reading("noise-1", "Leq", w % 2 == 0 ? 75 : 65, "dB(A)", t.minusSeconds(86_400).plusMillis(w), Quality.GOOD));
                LockSupport.parkNanos(1_000_000_000L / rate);
            }
            Thread.sleep(500);
            long period = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long due = start + i * period;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(Math.max(1, due - System.nanoTime() - 20_000));
                }
                // Value carries the index: above the limit as 80 + i/1e4, below as 60 - i/1e4.
                double v = i % 2 == 0 ? 80 + i / 1e4 : 60 - i / 1e4;
                sent[i] = System.nanoTime();
                g.pipeline().accept(new Reading("noise-1", "Leq", v, "dB(A)", t.plusMillis(i), Quality.GOOD));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.get() < n && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            var pubAck = g.metrics().publishLatency().takeSnapshot();
            long[] got = Arrays.stream(latency).filter(x -> x > 0).sorted().toArray();
            if (got.length == 0) {
                throw new IllegalStateException("no alert reached the subscriber");
            }
            System.out.printf("latency at %d readings/s for %d s (every reading an alert, fsync on): %d/%d delivered; "
                            + "reading->subscriber p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    rate, seconds, got.length, n, pct(got, 0.50), pct(got, 0.99), got[got.length - 1] / 1e6);
            for (var v : pubAck.percentileValues()) {
                System.out.printf("  publish->PUBACK p%.0f %.2f ms (gateway's own timer)%n", v.percentile() * 100, v.value(TimeUnit.MILLISECONDS));
            }
        }
        sub.disconnect();
        sub.close();
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static Gateway startIn(ScratchDir dir, String broker) throws Exception {
        Path file = BenchBox.write(dir.path(), broker, true);
        EdgeConfig cfg = BenchBox.load(file);
        return Gateway.start(file, cfg, a -> { });
    }
}
