package gridwatch.gateway.alert;

import gridwatch.config.model.AlertPolicyConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Lifetime;
import gridwatch.detectors.core.Severity;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
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
 * <p>The incident follows what the center will have. {@link #step} proposes a step and moves the incident as if its
 * alert were stored; the caller stores the alert and settles the proposal with {@link #stored} or {@link #refused}.
 * A refused step is undone: a refused START leaves the incident not started (the next active finding proposes START
 * again), a refused UPDATE is proposed again by the next finding that is due, a refused END leaves the incident
 * open. The caller says which alerts the outbox might refuse ({@link #holdUntilSettled}); after such a proposal,
 * later findings for its key wait until it is settled and are then decided in order against what the center
 * actually has. Alerts the outbox cannot refuse do not hold their key, so one busy incident still gets many alerts
 * per disk commit. Waiting is bounded: a run of findings alike in activity and severity keeps only its newest (it
 * stands for the run), and beyond {@value #MAX_WAITING} the oldest goes (counted and logged).
 *
 * <p>Each finding travels with the {@link AlertFactory} in effect when its rule made it, so a finding that waited
 * across a reload is still dressed with the category of the config whose thresholds raised it. Lifecycle decisions
 * (update interval, cooldown) use the policy in effect when they are made.
 *
 * <p>A {@link Lifetime.OneShot one-shot} finding (a sighting no rule watches afterwards) opens its incident like any
 * other; each later sighting of the same key is an update (or nothing, under the update interval) and moves its
 * deadline to the sighting's observed time plus the TTL. {@link #expire} ends the incidents whose deadline the
 * gateway's clock has passed, with an END that says why. The deadline is reckoned from observed time, as everything
 * here is, but checked against the clock: an object that no later patrol sees must end even if its device never
 * sends again, which observation time alone cannot tell.
 *
 * <p>Incidents open when the gateway last stopped are handed back by {@link #resume} before the first finding: each
 * goes on under its id and revisions. A held one (its rule watches it) is confirmed by the first finding about it
 * after the restart: an active one is always sent as an UPDATE (the center learns the case goes on), an inactive one
 * ends it. One that nothing confirms within the policy's restart timeout of the gateway's last sign of life is ended by
 * {@link #expire} with {@link EndReason#GATEWAY_RESTART_TIMEOUT}: a box away that long cannot vouch that what it sees
 * next is the same problem. A one-shot incident keeps its TTL across the restart instead.
 *
 * <p>Pipeline thread only: the outbox's answers, which arrive on its writer thread, are handed back to it first.
 */
public final class IncidentTracker {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentTracker.class);
    private static final int MAX_WAITING = 64;

    /**
     * A step this tracker proposes for a finding, to be settled once the outbox has answered.
     *
     * @param madeUnder the alert config in effect when the finding was made: the one to dress its alert with
     */
    public record Proposal(IncidentKey key, Finding finding, AlertFactory madeUnder, LifecycleStep step) {
    }

    /** @param confirmBy for an incident resumed after a restart and not yet confirmed: when it ends unconfirmed; else null */
    private record Open(UUID incidentId, Instant startedAt, int revision, Instant lastEmitted, Severity severity,
                        @Nullable Instant confirmBy) {
    }

    /** @param reason for an inactive finding, why its incident ends */
    private record Waiting(Finding finding, AlertFactory madeUnder, @Nullable EndReason reason) {

        static Waiting of(Finding f, AlertFactory madeUnder) {
            return new Waiting(f, madeUnder, f.active() ? null : EndReason.CLEARED);
        }
    }

    /** A key with unsettled proposals: how to undo the newest, and what waits on a held one. */
    private static final class Flight {
        int unsettled;
        @Nullable Proposal latest;
        @Nullable Open openBefore;
        @Nullable Instant endedBefore;
        @Nullable Proposal holding;
        final Deque<Waiting> waiting = new ArrayDeque<>();
    }

    private final Map<IncidentKey, Open> open = new HashMap<>();
    private final Map<IncidentKey, Instant> endedAt = new HashMap<>();
    private final Map<IncidentKey, Flight> flights = new HashMap<>();
    private final Sightings sightings = new Sightings();
    /** Resumed incidents not yet confirmed: the finding their END would carry, and the config to dress it with. */
    private final Map<IncidentKey, Waiting> unconfirmed = new HashMap<>();
    private final Supplier<UUID> ids;
    private AlertPolicyConfig policy;
    private int unsettled;
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
     * Takes back the incidents open when the gateway last stopped, before any finding is stepped. Each goes on with its
     * id and next revision; a held one must be confirmed within the restart timeout of {@code lastAlive}, a one-shot
     * one ends at its TTL as before.
     *
     * @param current   the alert config in effect: what an END made without a finding is dressed with (as a finding
     *                  is dressed with the config it was made under)
     * @param lastAlive the gateway's last sign of life before this start
     */
    public void resume(List<IncidentState> states, AlertFactory current, Instant lastAlive) {
        if (!flights.isEmpty() || unsettled > 0) {
            throw new IllegalStateException("incidents are resumed before the first finding");
        }
        Instant confirmBy = lastAlive.plus(policy.restartTimeout());
        for (IncidentState s : states) {
            IncidentKey key = s.key();
            Finding last = s.lastFinding();
            boolean oneShot = last.lifetime() instanceof Lifetime.OneShot;
            open.put(key, new Open(s.incidentId(), s.startedAt(), s.revision(), s.lastObservedAt(), s.severity(),
                    oneShot ? null : confirmBy));
            endedAt.remove(key);
            if (oneShot) {
                sightings.seen(key, last, current);
            } else {
                unconfirmed.put(key, new Waiting(last, current, EndReason.GATEWAY_RESTART_TIMEOUT));
            }
        }
    }

    /**
     * What to emit for this finding, if anything; the incident moves as if its alert were stored.
     *
     * @param madeUnder the alert config in effect now, as the finding's rule was
     */
    public Optional<Proposal> step(Finding f, AlertFactory madeUnder) {
        IncidentKey key = IncidentKey.of(f);
        sightings.seen(key, f, madeUnder);
        Flight flight = flights.get(key);
        if (flight != null && flight.holding != null) {
            wait(key, flight.waiting, Waiting.of(f, madeUnder));
            return Optional.empty();
        }
        return propose(key, Waiting.of(f, madeUnder));
    }

    private Optional<Proposal> step(Waiting w) {
        IncidentKey key = IncidentKey.of(w.finding());
        Flight flight = flights.get(key);
        if (flight != null && flight.holding != null) {
            wait(key, flight.waiting, w);
            return Optional.empty();
        }
        return propose(key, w);
    }

    /**
     * Ends the one-shot incidents not seen again within their TTL, and the incidents resumed after a restart that
     * nothing confirmed within the restart timeout: the END proposals to emit now, one per incident not held by an
     * unsettled alert (a held one's END waits for its turn like any finding). An END the outbox refuses leaves its
     * incident open, and the next call proposes it again.
     *
     * @param now the gateway's clock
     */
    public List<Proposal> expire(Instant now) {
        List<Proposal> out = new ArrayList<>();
        for (Sightings.Overdue o : sightings.overdue(now, open::containsKey, flights::containsKey)) {
            step(new Waiting(o.end(), o.madeUnder(), EndReason.NOT_SEEN_AGAIN)).ifPresent(out::add);
        }
        for (Iterator<Map.Entry<IncidentKey, Waiting>> it = unconfirmed.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<IncidentKey, Waiting> e = it.next();
            Open o = open.get(e.getKey());
            Instant confirmBy = o == null ? null : o.confirmBy();
            if (confirmBy == null) {
                if (!flights.containsKey(e.getKey())) {
                    it.remove(); // confirmed or ended, and settled: a refused confirmation would have brought confirmBy back
                }
            } else if (!now.isBefore(confirmBy)) {
                Finding last = e.getValue().finding();
                // Observed time stays the last observation: nothing was observed since, and the device's clock is the
                // incident's time base (the gateway's clock here would make the cooldown and ordering meaningless).
                Finding end = last.cleared(last.observedAt(), "the gateway restarted and nothing confirmed this incident within "
                        + human(policy.restartTimeout()) + " of its last sign of life; last: " + last.summary());
                step(new Waiting(end, e.getValue().madeUnder(), EndReason.GATEWAY_RESTART_TIMEOUT)).ifPresent(out::add);
            }
        }
        return out;
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    /** The outbox might refuse this proposal's alert: later findings for its key wait until it is settled. */
    public void holdUntilSettled(Proposal p) {
        Flight flight = flights.get(p.key());
        if (flight == null || flight.latest != p) {
            throw new IllegalStateException("only the newest unsettled proposal of " + p.key() + " can hold it");
        }
        flight.holding = p;
    }

    /** The proposal's alert is durably stored. Returns the next proposal for its key, if findings waited. */
    public Optional<Proposal> stored(Proposal p) {
        return settle(p, true);
    }

    /** The proposal's alert was not stored: its step is undone. Returns the next proposal for its key, if findings waited. */
    public Optional<Proposal> refused(Proposal p) {
        return settle(p, false);
    }

    private Optional<Proposal> settle(Proposal p, boolean stored) {
        IncidentKey key = p.key();
        Flight flight = flights.get(key);
        if (flight == null) {
            throw new IllegalStateException("no unsettled proposal for " + key);
        }
        flight.unsettled--;
        unsettled--;
        if (!stored) {
            if (flight.latest == p) {
                restore(key, flight.openBefore, flight.endedBefore);
            } else {
                LOG.error("{} alert of incident {} refused after later alerts of it were handed over: the center may get those without it",
                        p.step().lifecycle().wireName(), p.step().incidentId());
            }
        }
        if (flight.latest == p) {
            flight.latest = null;
        }
        if (flight.holding == p) {
            flight.holding = null;
        }
        return resume(key, flight);
    }

    /** The next proposal from findings that waited for its key, unless the key is held (again). */
    public Optional<Proposal> resume(IncidentKey key) {
        Flight flight = flights.get(key);
        return flight == null ? Optional.empty() : resume(key, flight);
    }

    /** Decides waiting findings until one is proposed; the caller then says whether it holds the key. */
    private Optional<Proposal> resume(IncidentKey key, Flight flight) {
        while (flight.holding == null && !flight.waiting.isEmpty()) {
            Optional<Proposal> next = propose(key, flight.waiting.removeFirst());
            if (next.isPresent()) {
                return next;
            }
        }
        if (flight.unsettled == 0 && flight.waiting.isEmpty()) {
            flights.remove(key);
        }
        return Optional.empty();
    }

    private Optional<Proposal> propose(IncidentKey key, Waiting w) {
        Optional<Proposal> p = decide(key, w);
        if (p.isEmpty()) {
            return p;
        }
        Flight flight = flights.computeIfAbsent(key, k -> new Flight());
        flight.unsettled++;
        unsettled++;
        flight.latest = p.get();
        flight.openBefore = open.get(key);
        flight.endedBefore = endedAt.get(key);
        advance(p.get());
        return p;
    }

    private void advance(Proposal p) {
        IncidentKey key = p.key();
        LifecycleStep s = p.step();
        Instant t = p.finding().observedAt();
        switch (s.lifecycle()) {
            case START -> {
                endedAt.remove(key);
                open.put(key, new Open(s.incidentId(), s.startedAt(), s.revision(), t, p.finding().severity(), null));
            }
            case UPDATE -> open.put(key, new Open(s.incidentId(), s.startedAt(), s.revision(), t, p.finding().severity(), null));
            case END -> {
                open.remove(key);
                if (s.endReason() == EndReason.GATEWAY_RESTART_TIMEOUT) {
                    endedAt.remove(key); // not seen to clear: no flapping to damp, a problem seen again is a new case at once
                } else {
                    endedAt.put(key, t);
                }
            }
        }
    }

    private void restore(IncidentKey key, @Nullable Open before, @Nullable Instant ended) {
        if (before == null) {
            open.remove(key);
        } else {
            open.put(key, before);
        }
        if (ended == null) {
            endedAt.remove(key);
        } else {
            endedAt.put(key, ended);
        }
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
        boolean resumed = current.confirmBy() != null; // the center hears that its case goes on after the restart
        if (!severityChanged && !due && !resumed) {
            return Optional.empty();
        }
        return proposal(key, w, Lifecycle.UPDATE, current.incidentId(), current.revision() + 1, current.startedAt());
    }

    private static Optional<Proposal> proposal(IncidentKey key, Waiting w, Lifecycle l, UUID incident, int revision, Instant startedAt) {
        EndReason reason = l == Lifecycle.END ? (w.reason() == null ? EndReason.CLEARED : w.reason()) : null;
        return Optional.of(new Proposal(key, w.finding(), w.madeUnder(), new LifecycleStep(l, incident, revision, startedAt, reason)));
    }

    /** Findings dropped by the cooldown since start. Any thread. */
    public long suppressedCount() {
        return suppressed;
    }

    /** Findings dropped because too many waited on one held proposal. Any thread. */
    public long overflowedCount() {
        return overflowed;
    }

    /** Proposals whose alerts are still on their way into the outbox. */
    public int unsettledCount() {
        return unsettled;
    }

    /** The policy's restart timeout now in effect. */
    public Duration restartTimeout() {
        return policy.restartTimeout();
    }

    public int openIncidents() {
        return open.size();
    }
}
