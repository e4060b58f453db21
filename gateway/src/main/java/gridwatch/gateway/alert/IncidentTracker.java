package gridwatch.gateway.alert;

import gridwatch.config.model.AlertPolicyConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns the stream of findings into incident lifecycles, so the center gets one case per
 * ongoing problem: the first active finding starts an incident; later ones update it only when
 * the severity changes or the update interval has passed; an inactive finding ends it. After an
 * end, the same key stays quiet for the cooldown: a problem that returns within it is
 * suppressed (counted) rather than opening a new case at once.
 * Time is the findings' observed time. Single-threaded: called from the pipeline thread only.
 */
public final class IncidentTracker {

    private record Open(UUID incidentId, Instant startedAt, int revision, Instant lastEmitted, Severity severity) {
    }

    private final Map<IncidentKey, Open> open = new HashMap<>();
    private final Map<IncidentKey, Instant> endedAt = new HashMap<>();
    private final Supplier<UUID> ids;
    private volatile AlertPolicyConfig policy;
    private long suppressed;

    public IncidentTracker(AlertPolicyConfig policy, Supplier<UUID> ids) {
        this.policy = policy;
        this.ids = ids;
    }

    public void reconfigure(AlertPolicyConfig newPolicy) {
        this.policy = newPolicy;
    }

    public Optional<LifecycleStep> step(Finding f) {
        IncidentKey key = IncidentKey.of(f);
        Open current = open.get(key);
        Instant t = f.observedAt();
        if (!f.active()) {
            if (current == null) {
                return Optional.empty();
            }
            open.remove(key);
            endedAt.put(key, t);
            return Optional.of(new LifecycleStep(Lifecycle.END, current.incidentId(), current.revision() + 1, current.startedAt()));
        }
        if (current == null) {
            Instant ended = endedAt.get(key);
            if (ended != null && Duration.between(ended, t).compareTo(policy.cooldown()) < 0) {
                suppressed++;
                return Optional.empty();
            }
            endedAt.remove(key);
            Open started = new Open(ids.get(), t, 0, t, f.severity());
            open.put(key, started);
            return Optional.of(new LifecycleStep(Lifecycle.START, started.incidentId(), 0, t));
        }
        boolean severityChanged = f.severity() != current.severity();
        boolean due = Duration.between(current.lastEmitted(), t).compareTo(policy.updateInterval()) >= 0;
        if (!severityChanged && !due) {
            return Optional.empty();
        }
        Open next = new Open(current.incidentId(), current.startedAt(), current.revision() + 1, t, f.severity());
        open.put(key, next);
        return Optional.of(new LifecycleStep(Lifecycle.UPDATE, next.incidentId(), next.revision(), next.startedAt()));
    }

    /** Findings dropped by the cooldown since start. */
    public long suppressedCount() {
        return suppressed;
    }

    public int openIncidents() {
        return open.size();
    }
}
