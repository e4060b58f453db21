package gridwatch.gateway.pipeline;

import gridwatch.config.model.AlertPolicyConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.AlertFactory;
import gridwatch.gateway.alert.AlertMessage;
import gridwatch.gateway.alert.AlertRouting;
import gridwatch.gateway.alert.AlertTaps;
import gridwatch.gateway.alert.BoundedMemo;
import gridwatch.gateway.alert.IncidentKey;
import gridwatch.gateway.alert.IncidentStates;
import gridwatch.gateway.alert.IncidentTracker;
import gridwatch.gateway.alert.IncidentTracker.Proposal;
import gridwatch.gateway.alert.json.AlertJson;
import gridwatch.gateway.alert.outbox.Outbox;
import gridwatch.gateway.alert.outbox.OutboxFullException;
import gridwatch.gateway.alert.outbox.OutboxMessage;
import gridwatch.gateway.alert.outbox.OutboxStats;
import gridwatch.gateway.pipeline.PipelineInput.Settled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * finding → incident proposal → alert → outbox → settled → taps. The tracker proposes a step, the alert goes to the
 * outbox, and the outbox's answer, which arrives on its writer thread, is handed back to the pipeline thread
 * ({@code handBack}) to settle the proposal there: a refused alert's step is undone. Taps hear of an alert at that
 * moment, in the order alerts were stored. Pipeline thread only.
 *
 * <p>Whether the outbox could refuse an alert is known here: it refuses only when it is at its byte bound, or when
 * its memory holds a vast backlog (its disk failing for long), and only this pipeline appends to it. A failing disk
 * alone refuses nothing: the alerts wait in memory. So when the outbox has room for the alert on top of every alert
 * still on its way in, and its backlog is far from that memory bound, the alert cannot be refused and the incident
 * goes on at once: alerts keep flowing into group commits, one busy incident included. Otherwise the proposal holds
 * its incident: the incident's next findings wait for the answer, and a refused START leaves no UPDATE or END
 * behind it.
 */
final class AlertProducer {

    private static final Logger LOG = LoggerFactory.getLogger(AlertProducer.class);
    /** A backlog in the outbox's memory beyond which alerts hold their incident: far below the outbox's own bound (100,000). */
    private static final int CAREFUL_BACKLOG = 50_000;

    private final IncidentTracker incidents;
    private final AlertJson json = new AlertJson();
    private final Outbox outbox;
    private final AlertTaps taps;
    private final PipelineMetrics metrics;
    private final Consumer<Settled> handBack;
    /** See {@link #keyText}; many incidents come and go (drone sightings), hence the bound. */
    private final BoundedMemo<IncidentKey, String> keyTexts = new BoundedMemo<>(16_384, IncidentStates::keyText);
    /** Bytes of the alerts handed to the outbox and not yet settled: what they will count against its bound. */
    private long inFlightBytes;

    /** @param handBack queues the outbox's answer for the pipeline thread; called on the outbox writer thread, never blocks */
    AlertProducer(IncidentTracker incidents, Outbox outbox, AlertTaps taps, PipelineMetrics metrics, Consumer<Settled> handBack) {
        this.incidents = incidents;
        this.outbox = outbox;
        this.taps = taps;
        this.metrics = metrics;
        this.handBack = handBack;
    }

    /** @param current the alert config in effect as the finding was made */
    void propose(Finding f, AlertFactory current) {
        long overflowed = incidents.overflowedCount();
        emitFrom(incidents.step(f, current));
        if (incidents.overflowedCount() > overflowed) {
            metrics.findingDropped(); // too many waited on one incident's alert
        }
    }

    /** Ends the one-shot incidents not seen again within their TTL, by the gateway's clock {@code now}. */
    void expire(Instant now) {
        for (Proposal p : incidents.expire(now)) {
            emitFrom(Optional.of(p));
        }
    }

    void reconfigure(AlertPolicyConfig policy) {
        incidents.reconfigure(policy);
    }

    /** Alerts handed to the outbox whose answer has not been settled yet. */
    int outstanding() {
        return incidents.unsettledCount();
    }

    /** Emits the proposal and, while its incident is not held, the proposals of findings that waited behind it. */
    private void emitFrom(Optional<Proposal> first) {
        for (Optional<Proposal> p = first; p.isPresent(); p = emit(p.get())) {
            // each round hands one alert to the outbox
        }
    }

    /**
     * Makes the proposal's alert and hands it to the outbox; the answer comes back through {@code handBack}.
     * Returns the next proposal of its incident, if findings waited and the incident is not held.
     */
    private Optional<Proposal> emit(Proposal p) {
        Alert alert;
        OutboxMessage message;
        try {
            // Dressed with the config the finding was made under, even if it waited across a reload.
            AlertMessage made = p.madeUnder().message(p.finding(), p.step(), json::encode);
            alert = made.alert();
            // The incident's new state is stored in the alert's own transaction: after a crash the two agree.
            message = new OutboxMessage(alert.alertId().toString(), alert.sourceKey(), alert.severity().ordinal(),
                    alert.type(), made.payload(), AlertRouting.of(alert), IncidentStates.change(p, keyText(p.key())));
        } catch (RuntimeException e) {
            LOG.error("alert for {} could not be made ({}); the incident stays as it was", p.key(), e.toString(), e);
            metrics.alertNotStored("error");
            return incidents.refused(p);
        }
        long footprint = message.footprint();
        if (!cannotBeRefused(footprint)) {
            incidents.holdUntilSettled(p);
        }
        inFlightBytes += footprint;
        // Runs on the outbox writer thread (or here, when the outbox answers at once): only hands the answer back.
        outbox.append(message).whenComplete((seq, error) -> handBack.accept(new Settled(p, alert, footprint, error)));
        return incidents.resume(p.key());
    }

    /** The incident key's stored text, made once per incident rather than per alert. */
    private String keyText(IncidentKey key) {
        return keyTexts.get(key);
    }

    /**
     * The outbox's bytes may already include alerts stored since they were counted in flight; counting them twice
     * only errs on the careful side, as do acknowledgements and evictions, which only free room.
     */
    private boolean cannotBeRefused(long footprint) {
        OutboxStats s = outbox.stats();
        return s.waitingInMemory() < CAREFUL_BACKLOG && s.bytes() + inFlightBytes + footprint <= s.maxBytes();
    }

    /** The outbox answered: the incident moves (stored) or stays (refused); findings that waited are decided next. */
    void settle(Settled s) {
        inFlightBytes -= s.footprint();
        Alert a = s.alert();
        Optional<Proposal> next;
        Throwable error = s.error();
        if (error == null) {
            metrics.alertProduced(a.type(), a.lifecycle().wireName());
            // Taps see only alerts that count as produced: stored on disk.
            taps.publish(a);
            next = incidents.stored(s.proposal());
        } else {
            metrics.alertNotStored(error instanceof OutboxFullException ? "outbox_full" : "error");
            LOG.warn("{} alert {} of incident {} ({} on {}) not stored ({}); the incident stays as it was and the next finding tries again",
                    a.lifecycle().wireName(), a.alertId(), a.incidentId(), a.type(), a.device().id(), error.getMessage());
            next = incidents.refused(s.proposal());
        }
        emitFrom(next);
    }
}
