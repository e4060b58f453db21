package gridwatch.gateway.ingest.drone;

import gridwatch.config.Secret;
import gridwatch.config.model.DroneConnection;
import gridwatch.config.model.DroneServerConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ops.GatewayMetrics;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real drone ingest parts on a temp directory, with the gateway's real Prometheus metrics. */
final class DroneTestRig {

    static final ZoneId SITE = ZoneId.of("Asia/Shanghai");
    static final double SETTLE_SECONDS = 0.3;
    static final double SCAN_SECONDS = 0.1;

    final GatewayMetrics metrics = new GatewayMetrics();
    final Queue<Finding> findings = new ConcurrentLinkedQueue<>();
    final ReadingSink sink = new ReadingSink() {
        @Override
        public void accept(gridwatch.detectors.core.Reading reading) {
            throw new AssertionError("drones send no readings");
        }

        @Override
        public void finding(Finding finding) {
            findings.add(finding);
        }
    };

    static DroneConnection folder(Path folder) {
        return new DroneConnection(folder, SETTLE_SECONDS, SCAN_SECONDS, false, null, null, null);
    }

    static DroneConnection upload(Path tokenFile, long maxBytes) {
        return new DroneConnection(null, null, null, true, new Secret(null, tokenFile), maxBytes, null);
    }

    DroneIngest ingest(Path store, PhotoAnalysis analysis, DroneConnection connection) {
        return ingest(store, analysis, connection, 1000);
    }

    /** With at most 2 uploads received at once and {@code maxPending} photos waiting for analysis. */
    DroneIngest ingest(Path store, PhotoAnalysis analysis, DroneConnection connection, int maxPending) {
        DroneIngest ingest = new DroneIngest(new DroneServerConfig("127.0.0.1", 0, null, 2, maxPending), store, SITE, metrics, analysis,
                Clock.systemUTC());
        ingest.register(new DroneStation("drone-1", null, connection));
        return ingest;
    }

    /** A counter or gauge from the Prometheus text, 0 when absent. */
    double metric(String name, String... labels) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < labels.length; i += 2) {
            l.append(l.isEmpty() ? "" : ",").append(labels[i]).append("=\"").append(labels[i + 1]).append('"');
        }
        String series = labels.length == 0 ? name : name + "{" + l + "}";
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics.scrape());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
