package gridwatch.gateway.alert.outbox;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What the outbox found when it opened, about the gateway's previous run on it.
 *
 * @param boot           this start's number on this outbox: 1 for a new one, one more at every start; never reused
 * @param lastAlive      the previous run's last sign of life (written every {@value Outbox#ALIVE_EVERY_SECONDS} s
 *                       and at a clean stop), or null when there was no previous run
 * @param stoppedCleanly whether the previous run closed the outbox (a clean stop) rather than died
 * @param openIncidents  the incidents open when the previous run ended, as their last stored alert left them
 */
public record OutboxStart(long boot, @Nullable Instant lastAlive, boolean stoppedCleanly, List<IncidentRow> openIncidents) {

    public OutboxStart {
        openIncidents = List.copyOf(openIncidents);
    }
}
