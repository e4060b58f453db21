package gridwatch.gateway.pipeline;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Subject;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.hold.Hold;
import gridwatch.detectors.hold.HoldClear;
import gridwatch.detectors.hold.Transition;

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
    /** Per device; the silence itself is the hold, so the machine starts and clears at once. Watcher thread only. */
    private final Map<String, HoldClear> offline = new HashMap<>();
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
        String alertType = config.health().offlineAlertType();
        if (alertType == null) {
            return; // offline alerts are not raised; start() does not run the watcher either
        }
        Instant now = clock.instant();
        for (DeviceConfig d : config.devices()) {
            if (d.staleAfterSeconds() == null) {
                continue;
            }
            DeviceActivity.Seen seen = activity.of(d.id());
            Instant last = seen == null ? started : seen.lastArrival();
            HoldClear watch = offline.computeIfAbsent(d.id(), id -> new HoldClear(Hold.none()));
            long silent = Duration.between(last, now).getSeconds();
            Instant since = watch.onset();
            // Offline once silent past the limit; online again only when data arrived after it went offline.
            boolean isOffline = watch.active() && since != null ? !last.isAfter(since) : silent > d.staleAfterSeconds();
            switch (watch.step(isOffline, Severity.BLUE, now)) {
                case Transition.Started st ->
                        findings.accept(finding(d, alertType, true, now, silent, "no data for " + silent + " s (allowed " + d.staleAfterSeconds() + " s)"));
                case Transition.Cleared c ->
                        findings.accept(finding(d, alertType, false, now, 0, "data again after " + Duration.between(c.onset(), last).getSeconds() + " s offline"));
                case Transition.Quiet q -> { }
                case Transition.Continues c -> { } // reported when it starts and ends only
            }
        }
    }

    private Finding finding(DeviceConfig d, String alertType, boolean active, Instant at, long silent, String summary) {
        return new Finding("device-health", alertType, Subject.of(d.id(), d.zone()), active, Severity.BLUE, at,
                summary, List.of(new Measurement("silentSeconds", silent, "s")), List.of());
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
