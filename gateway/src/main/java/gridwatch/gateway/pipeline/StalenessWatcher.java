package gridwatch.gateway.pipeline;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Subject;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.core.Severity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Raises a device-offline finding when a device with {@code staleAfterSeconds} has sent nothing
 * for that long (wall clock, since data arrival is what went missing), and ends it when data
 * arrives again. Checks once a second on its own thread; findings go to the pipeline thread.
 */
public final class StalenessWatcher implements AutoCloseable {

    private final EdgeConfig config;
    private final DeviceActivity activity;
    private final Consumer<Finding> findings;
    private final Clock clock;
    private final Instant started;
    private final Map<String, Instant> offlineSince = new HashMap<>();
    private final Thread thread;

    public StalenessWatcher(EdgeConfig config, DeviceActivity activity, Consumer<Finding> findings, Clock clock) {
        this.config = config;
        this.activity = activity;
        this.findings = findings;
        this.clock = clock;
        this.started = clock.instant();
        this.thread = Thread.ofPlatform().name("staleness-watcher").daemon(true).unstarted(this::loop);
    }

    public void start() {
        if (config.health().offlineAlertType() != null) {
            thread.start();
        }
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            check();
        }
    }

    /** One pass over the devices; visible for tests. */
    void check() {
        Instant now = clock.instant();
        for (DeviceConfig d : config.devices()) {
            if (d.staleAfterSeconds() == null) {
                continue;
            }
            DeviceActivity.Seen seen = activity.of(d.id());
            Instant last = seen == null ? started : seen.lastArrival();
            Instant since = offlineSince.get(d.id());
            long silent = Duration.between(last, now).getSeconds();
            if (since == null && silent > d.staleAfterSeconds()) {
                offlineSince.put(d.id(), now);
                findings.accept(finding(d, true, now, silent, "no data for " + silent + " s (allowed " + d.staleAfterSeconds() + " s)"));
            } else if (since != null && last.isAfter(since)) {
                offlineSince.remove(d.id());
                findings.accept(finding(d, false, now, 0, "data again after " + Duration.between(since, last).getSeconds() + " s offline"));
            }
        }
    }

    private Finding finding(DeviceConfig d, boolean active, Instant at, long silent, String summary) {
        return new Finding("device-health", config.health().offlineAlertType(), Subject.of(d.id(), d.zone()), active, Severity.BLUE, at,
                summary, List.of(new Measurement("silentSeconds", silent, "s")), List.of());
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
