package gridwatch.gateway.uplink.mqtt;

import gridwatch.gateway.alert.outbox.OutboxEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts the broker refused, each waiting out its backoff before the publisher sends it again.
 * While parked an alert is skipped by the publisher's sweep of the outbox, so a refused alert
 * does not stall the alerts behind it (per-source order is given up for that alert only).
 * Counts live in memory: after a restart a refused alert starts counting again.
 *
 * <p>Thread-safe: Paho threads park, the publisher thread takes what is due.
 */
final class RefusedAlerts {

    private record Parked(OutboxEntry entry, int attempts, long dueNanos) {
    }

    private final RetryPolicy policy;
    private final Map<Long, Parked> parked = new HashMap<>();
    private final Map<Long, Integer> attempts = new HashMap<>();

    RefusedAlerts(RetryPolicy policy) {
        this.policy = policy;
    }

    /**
     * Records a refusal. Returns the number of refusals so far; when it reaches the policy's
     * maximum the alert is not parked and the caller dead-letters it.
     */
    synchronized int refused(OutboxEntry e, long nowNanos) {
        int n = attempts.merge(e.seq(), 1, Integer::sum);
        if (n >= policy.maxAttempts()) {
            attempts.remove(e.seq());
            parked.remove(e.seq());
            return n;
        }
        parked.put(e.seq(), new Parked(e, n, nowNanos + policy.backoffNanos(n)));
        return n;
    }

    /** The broker took it: forget its refusals. */
    synchronized void accepted(long seq) {
        attempts.remove(seq);
        parked.remove(seq);
    }

    /** Puts back a due alert that could not be sent this turn, due at once, its count unchanged. */
    synchronized void requeue(OutboxEntry e) {
        parked.put(e.seq(), new Parked(e, attempts.getOrDefault(e.seq(), 0), 0));
    }

    synchronized boolean isParked(long seq) {
        return parked.containsKey(seq);
    }

    /** Takes the alerts whose wait is over, oldest first; they leave the parked set. */
    synchronized List<OutboxEntry> takeDue(long nowNanos) {
        if (parked.isEmpty()) {
            return List.of();
        }
        List<OutboxEntry> due = new ArrayList<>();
        parked.values().removeIf(p -> {
            if (p.dueNanos() <= nowNanos) {
                due.add(p.entry());
                return true;
            }
            return false;
        });
        due.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return due;
    }

    synchronized int parkedCount() {
        return parked.size();
    }

    /** Nanoseconds until the next parked alert is due, or {@code Long.MAX_VALUE} when none is parked. */
    synchronized long nanosUntilNextDue(long nowNanos) {
        long next = Long.MAX_VALUE;
        for (Parked p : parked.values()) {
            next = Math.min(next, Math.max(0, p.dueNanos() - nowNanos));
        }
        return next;
    }
}
