package gridwatch.gateway.alert;

import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Lifetime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The newest sighting of each one-shot incident, and the END each is owed once no later sighting came within its
 * TTL. The deadline is the sighting's observed time plus the TTL. Part of {@link IncidentTracker}; pipeline thread only.
 */
final class Sightings {

    /** An END owed: the last sighting, cleared with the reason, dressed with the config it was made under. */
    record Overdue(Finding end, AlertFactory madeUnder) {
    }

    private record Sighting(Finding last, AlertFactory madeUnder, Instant deadline) {
    }

    private final Map<IncidentKey, Sighting> byKey = new HashMap<>();

    /** Notes the finding if it is an active one-shot: its incident's deadline moves. */
    void seen(IncidentKey key, Finding f, AlertFactory madeUnder) {
        if (f.active() && f.lifetime() instanceof Lifetime.OneShot(Duration ttl)) {
            byKey.put(key, new Sighting(f, madeUnder, f.observedAt().plus(ttl)));
        }
    }

    /**
     * The ENDs owed at {@code now}, one per open incident past its deadline. A sighting is forgotten only once its
     * incident is over and settled, so an END the outbox refused (the incident open again) is owed again.
     *
     * @param open      whether the key's incident is open, as the tracker has it
     * @param unsettled whether the key has alerts not yet settled or findings waiting
     */
    List<Overdue> overdue(Instant now, Predicate<IncidentKey> open, Predicate<IncidentKey> unsettled) {
        List<Overdue> out = new ArrayList<>();
        for (Iterator<Map.Entry<IncidentKey, Sighting>> it = byKey.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<IncidentKey, Sighting> e = it.next();
            Sighting s = e.getValue();
            if (!open.test(e.getKey())) {
                if (!unsettled.test(e.getKey())) {
                    it.remove(); // ended (or suppressed by the cooldown) and settled: nothing left to end
                }
            } else if (!now.isBefore(s.deadline())) {
                out.add(new Overdue(s.last().cleared(s.deadline(), why(s.last())), s.madeUnder()));
            }
        }
        return out;
    }

    private static String why(Finding last) {
        Duration ttl = ((Lifetime.OneShot) last.lifetime()).ttl();
        return "not seen again within " + ttl.toString().substring(2).toLowerCase(Locale.ROOT) + " of " + last.observedAt()
                + ": " + last.summary();
    }
}
