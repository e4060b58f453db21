package gridwatch.gateway.alert;

import gridwatch.gateway.alert.outbox.IncidentRow;
import gridwatch.gateway.alert.outbox.OutboxStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * At start, hands the incidents the outbox kept from the previous run back to the tracker, before the pipeline runs.
 * A row that cannot be read, or whose alert type the config no longer maps to a category (no END could be made for
 * it), is logged and forgotten: the center keeps that case open until someone closes it by hand.
 */
public final class IncidentResumption {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentResumption.class);

    private IncidentResumption() {
    }

    /**
     * @param forget deletes the kept rows of incidents that cannot be resumed (called once, on this thread; must not block)
     * @param now    the gateway's clock at start
     * @return the incidents resumed
     */
    public static List<IncidentState> resume(OutboxStart start, IncidentTracker tracker, AlertFactory current,
                                             Consumer<List<String>> forget, Instant now) {
        List<IncidentState> states = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (IncidentRow row : start.openIncidents()) {
            try {
                IncidentState s = IncidentStates.read(row);
                if (current.maps(s.alertType())) {
                    states.add(s);
                } else {
                    LOG.warn("incident {} ({} on {}) was open at the last stop but its alert type has no category now: "
                            + "no END can be sent for it; forgotten", s.incidentId(), s.alertType(), s.deviceId());
                    dropped.add(row.key());
                }
            } catch (IllegalArgumentException e) {
                LOG.warn("{}; forgotten", e.getMessage());
                dropped.add(row.key());
            }
        }
        forget.accept(dropped);
        Instant lastAlive = start.lastAlive() != null ? start.lastAlive() : now;
        if (!states.isEmpty()) {
            Duration away = Duration.between(lastAlive, now);
            LOG.info("resuming {} incidents open at the last stop ({}; away about {} s); a held one nothing confirms by {} ends "
                            + "with reason gateway-restart-timeout", states.size(), start.stoppedCleanly() ? "clean stop" : "no clean stop",
                    Math.max(0, away.toSeconds()), lastAlive.plus(tracker.restartTimeout()));
        }
        tracker.resume(states, current, lastAlive);
        return states;
    }
}
