package gridwatch.gateway.pipeline;

import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.IncidentTracker.Proposal;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the pipeline thread takes in, by lane (see {@link PipelineInbox}). Readings travel in the bulk lane; findings
 * and control entries in the priority lane, which the pipeline thread empties before each chunk of readings.
 */
sealed interface PipelineInput {

    /** The bulk lane: readings, bounded by how many wait, dropped (counted) when full. */
    sealed interface Bulk extends PipelineInput permits OneReading, ReadingBatch, Wake {
    }

    /** The priority lane: findings (bounded on their own) and control entries (never refused). */
    sealed interface Priority extends PipelineInput permits FindingIn, Reconfigure, Settled {
    }

    record OneReading(Reading reading) implements Bulk {
    }

    /** Readings that arrived together, in order; one entry so a burst costs one hand-off. */
    record ReadingBatch(List<Reading> readings) implements Bulk {
    }

    /** Rouses the pipeline thread waiting on the bulk lane when the priority lane got something. */
    enum Wake implements Bulk {
        SIGNAL
    }

    /** A finding from outside the rules: a device gone silent, a camera's scene rule. */
    record FindingIn(Finding finding) implements Priority {
    }

    /**
     * The outbox's answer about a proposed alert, handed back from the outbox writer thread so that incident state
     * is only ever touched on the pipeline thread. {@code error} is null when the alert is durably stored.
     *
     * @param footprint the bytes the alert counts against the outbox's bound
     */
    record Settled(Proposal proposal, Alert alert, long footprint, @Nullable Throwable error) implements Priority {
    }

    /** A new config to apply between two readings; {@code done} completes on the pipeline thread once it is in effect, or fails when refused. */
    record Reconfigure(EdgeConfig config, CompletableFuture<Void> done) implements Priority {
    }
}
