package gridwatch.gateway.alert;

import gridwatch.config.model.AlertPolicyConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns the stream of findings into incident lifecycles, so the center gets one case per ongoing problem: the first
 * active finding starts an incident; later ones update it only when the severity changes or the update interval has
 * passed; an inactive finding ends it. After an end, the same key stays quiet for the cooldown: a problem that
 * returns within it is suppressed (counted) rather than opening a new case at once. Time is the findings' observed
 * time.
 *
 * <p>The incident moves only with what the center can have seen. {@link #step} proposes a step; the caller makes
 * the alert and stores it, and settles the proposal: {@link #stored} moves the incident, {@link #refused} leaves it
 * as it was. A refused START leaves the incident not started (the next active finding proposes START again); a
 * refused UPDATE is proposed again by the next finding that is due; a refused END leaves the incident open until
 * the next inactive finding. While a key's proposal is unsettled, later findings for that key wait in order and
 * are decided once it settles, each against the state the center actually has. The wait is bounded: a run of
 * findings alike in activity and severity keeps only its newest (it stands for the run), and beyond
 * {@value #MAX_WAITING} the oldest goes (counted and logged).
 *
 * <p>Each finding travels with the {@link AlertFactory} in effect when its rule made it, so a finding that waited
 * across a reload is still dressed with the category of the config whose thresholds raised it. Lifecycle decisions
 * (update interval, cooldown) use the policy in effect when they are made.
 *
 * <p>Pipeline thread only: outcomes of the outbox's writer thread are handed back to the pipeline thread first.
 */
public final class IncidentTracker {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentTracker.class);
    private static final int MAX_WAITING = 64;

    /**
     * A step this tracker proposes for a finding; it takes effect only once settled as stored.
     *
     * @param madeUnder the alert config in effect when the finding was made: the one to dress its alert with
     */
    public record Proposal(IncidentKey key, Finding finding, AlertFactory madeUnder, LifecycleStep step) {
    }

    private record Waiting(Finding finding, AlertFactory madeUnder) {
    }

    private record Open(UUID incidentId, Instant startedAt, int revision, Instant lastEmitted, Severity severity) {
    }

    private final Map<IncidentKey, Open> open = new HashMap<>();
    private final Map<IncidentKey, Instant> endedAt = new HashMap<>();
    /** Keys with an unsettled proposal, and the findings that arrived for them since. */
    private final Map<IncidentKey, Deque<Waiting>> unsettled = new HashMap<>();
    private final Supplier<UUID> ids;
    private AlertPolicyConfig policy;
    private volatile long suppressed;
    private volatile long overflowed;

    public IncidentTracker(AlertPolicyConfig policy, Supplier<UUID> ids) {
        this.policy = policy;
        this.ids = ids;
    }

    public void reconfigure(AlertPolicyConfig newPolicy) {
        this.policy = newPolicy;
    }

    /**
     * What to emit for this finding, if anything. Nothing changes until the proposal is settled.
     *
     * @param madeUnder the alert config in effect now, as the finding's rule was
     */
    public Optional<Proposal> step(Finding f, AlertFactory madeUnder) {
        IncidentKey key = IncidentKey.of(f);
        Deque<Waiting> waiting = unsettled.get(key);
        if (waiting != null) {
            wait(key, waiting, new Waiting(f, madeUnder));
            return Optional.empty();
        }
        Optional<Proposal> p = decide(key, new Waiting(f, madeUnder));
        p.ifPresent(x -> unsettled.put(key, new ArrayDeque<>()));
        return p;
    }

    /** The proposal's alert is durably stored: the incident moves. Returns the next proposal for its key, if any. */
    public Optional<Proposal> stored(Proposal p) {
        IncidentKey key = p.key();
        LifecycleStep s = p.step();
        Instant t = p.finding().observedAt();
        switch (s.lifecycle()) {
            case START -> {
                endedAt.remove(key);
                open.put(key, new Open(s.incidentId(), s.startedAt(), s.revision(), t, p.finding().severity()));
            }
            case UPDATE -> open.put(key, new Open(s.incidentId(), s.startedAt(), s.revision(), t, p.finding().severity()));
            case END -> {
                open.remove(key);
                endedAt.put(key, t);
            }
        }
        return release(key);
    }

    /** The proposal's alert was not stored: the incident stays as it was. Returns the next proposal for its key, if any. */
    public Optional<Proposal> refused(Proposal p) {
        return release(p.key());
    }

    private Optional<Proposal> release(IncidentKey key) {
        Deque<Waiting> waiting = unsettled.remove(key);
        while (waiting != null && !waiting.isEmpty()) {
            Optional<Proposal> next = decide(key, waiting.removeFirst());
            if (next.isPresent()) {
                unsettled.put(key, waiting);
                return next;
            }
        }
        return Optional.empty();
    }

    private void wait(IncidentKey key, Deque<Waiting> waiting, Waiting w) {
        Waiting last = waiting.peekLast();
        Finding f = w.finding();
        if (last != null && last.finding().active() == f.active() && last.finding().severity() == f.severity()) {
            waiting.removeLast(); // the newest of a run of alike findings stands for the run
        }
        waiting.addLast(w);
        if (waiting.size() > MAX_WAITING) {
            waiting.removeFirst();
            long n = ++overflowed;
            if ((n & (n - 1)) == 0) { // 1, 2, 4, 8 …: visible, never a flood of lines
                LOG.warn("incident {} waits on its alert being stored with {} findings queued behind it; the oldest dropped ({} so far)",
                        key, MAX_WAITING, n);
            }
        }
    }

    private Optional<Proposal> decide(IncidentKey key, Waiting w) {
        Finding f = w.finding();
        Open current = open.get(key);
        Instant t = f.observedAt();
        if (!f.active()) {
            return current == null ? Optional.empty()
                    : proposal(key, w, Lifecycle.END, current.incidentId(), current.revision() + 1, current.startedAt());
        }
        if (current == null) {
            Instant ended = endedAt.get(key);
            if (ended != null && Duration.between(ended, t).compareTo(policy.cooldown()) < 0) {
                suppressed++;
                return Optional.empty();
            }
            return proposal(key, w, Lifecycle.START, ids.get(), 0, t);
        }
        boolean severityChanged = f.severity() != current.severity();
        boolean due = Duration.between(current.lastEmitted(), t).compareTo(policy.updateInterval()) >= 0;
        if (!severityChanged && !due) {
            return Optional.empty();
        }
        return proposal(key, w, Lifecycle.UPDATE, current.incidentId(), current.revision() + 1, current.startedAt());
    }

    private static Optional<Proposal> proposal(IncidentKey key, Waiting w, Lifecycle l, UUID incident, int revision, Instant startedAt) {
        return Optional.of(new Proposal(key, w.finding(), w.madeUnder(), new LifecycleStep(l, incident, revision, startedAt)));
    }

    /** Findings dropped by the cooldown since start. Any thread. */
    public long suppressedCount() {
        return suppressed;
    }

    /** Findings dropped because too many waited on one unsettled proposal. Any thread. */
    public long overflowedCount() {
        return overflowed;
    }

    /** Proposals whose alerts are still being stored. */
    public int unsettledCount() {
        return unsettled.size();
    }

    public int openIncidents() {
        return open.size();
    }
}
