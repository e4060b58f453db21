package gridwatch.gateway.alert;

import gridwatch.config.model.AlertPolicyConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.GroundLocation;
import gridwatch.detectors.core.Lifetime;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.core.Subject;
import gridwatch.gateway.alert.IncidentTracker.Proposal;
import gridwatch.gateway.alert.outbox.IncidentRow;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.TestConfigs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident goes through a restart as the rows the outbox kept: written from each stored alert's proposal, read back
 * by the next run's tracker, which goes on with it under the same id, or ends it when nothing confirms it in time.
 */
class IncidentResumeTest {

    @TempDir
    static Path dir;
    private static AlertFactory factory;

    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(30);
    private final Instant t0 = Instant.parse("2026-11-20T14:00:00Z");

    @BeforeAll
    static void config() throws Exception {
        factory = new AlertFactory(new GatewayConfigLoader().load(TestConfigs.thresholdBox(dir, "tcp://127.0.0.1:1", 70, "outbox")),
                UUID::randomUUID, Clock.systemUTC());
    }

    private static IncidentTracker tracker() {
        return new IncidentTracker(new AlertPolicyConfig(3600, 0, (int) RESTART_TIMEOUT.toSeconds()), UUID::randomUUID);
    }

    private Finding loud(int second, boolean active, Severity s) {
        return new Finding("loud", "noise.construction", Subject.of("noise-1", "cell-1"), active, s, t0.plusSeconds(second),
                "Leq over the limit at " + second, List.of(), List.of());
    }

    /** The first run: the incident's alerts stored one by one; returns the row the outbox would hold for it. */
    private static IncidentRow run(IncidentTracker tracker, Finding... findings) {
        IncidentRow row = null;
        for (Finding f : findings) {
            Proposal p = tracker.step(f, factory).orElseThrow();
            assertThat(tracker.stored(p)).isEmpty();
            row = IncidentStates.row(p);
        }
        return row;
    }

    private static IncidentTracker restarted(Instant lastAlive, IncidentRow... rows) {
        IncidentTracker next = tracker();
        next.resume(java.util.Arrays.stream(rows).map(IncidentStates::read).toList(), factory, lastAlive);
        return next;
    }

    @Test
    void anActiveFindingAfterTheRestartContinuesTheSameIncidentAsAnUpdate() {
        IncidentTracker first = tracker();
        Proposal start = first.step(loud(0, true, Severity.ORANGE), factory).orElseThrow();
        first.stored(start);
        IncidentRow row = IncidentStates.row(start);

        IncidentTracker next = restarted(t0.plusSeconds(5), row);
        assertThat(next.openIncidents()).isEqualTo(1);
        // Same severity, well within the update interval: without the restart this would say nothing.
        Proposal update = next.step(loud(20, true, Severity.ORANGE), factory).orElseThrow();
        assertThat(update.step().lifecycle()).isEqualTo(Lifecycle.UPDATE);
        assertThat(update.step().incidentId()).isEqualTo(start.step().incidentId());
        assertThat(update.step().revision()).isEqualTo(1);
        assertThat(update.step().startedAt()).isEqualTo(t0);
        next.stored(update);
        assertThat(next.step(loud(21, true, Severity.ORANGE), factory)).as("confirmed: back to the update interval").isEmpty();

        Proposal end = next.step(loud(30, false, Severity.ORANGE), factory).orElseThrow();
        assertThat(end.step().lifecycle()).isEqualTo(Lifecycle.END);
        assertThat(end.step().incidentId()).isEqualTo(start.step().incidentId());
        assertThat(end.step().revision()).isEqualTo(2);
        assertThat(end.step().endReason()).isEqualTo(EndReason.CLEARED);
        next.stored(end);
        assertThat(IncidentStates.row(end).state()).as("an END deletes the kept row").isNull();
        assertThat(next.expire(t0.plus(Duration.ofDays(1)))).as("ended: no timeout later").isEmpty();
    }

    @Test
    void theRevisionGoesOnFromTheLastStoredAlert() {
        IncidentRow row = run(tracker(), loud(0, true, Severity.YELLOW), loud(10, true, Severity.ORANGE), loud(20, true, Severity.RED));
        IncidentTracker next = restarted(t0.plusSeconds(25), row);
        Proposal update = next.step(loud(40, true, Severity.RED), factory).orElseThrow();
        assertThat(update.step().revision()).isEqualTo(3);
    }

    @Test
    void anIncidentNothingConfirmsEndsAtTheRestartTimeoutWithItsReason() {
        IncidentRow row = run(tracker(), loud(0, true, Severity.ORANGE));
        Instant lastAlive = t0.plusSeconds(60);
        IncidentTracker next = restarted(lastAlive, row);
        assertThat(next.expire(lastAlive.plus(RESTART_TIMEOUT).minusSeconds(1))).isEmpty();

        List<Proposal> ended = next.expire(lastAlive.plus(RESTART_TIMEOUT));
        assertThat(ended).hasSize(1);
        Proposal end = ended.getFirst();
        assertThat(end.step().lifecycle()).isEqualTo(Lifecycle.END);
        assertThat(end.step().endReason()).isEqualTo(EndReason.GATEWAY_RESTART_TIMEOUT);
        assertThat(end.step().incidentId()).isEqualTo(IncidentStates.read(row).incidentId());
        assertThat(end.step().revision()).isEqualTo(1);
        assertThat(end.finding().observedAt()).as("nothing observed since the last alert").isEqualTo(t0);
        assertThat(end.finding().summary()).contains("nothing confirmed").contains("Leq over the limit at 0");
        Alert alert = factory.create(end.finding(), end.step());
        assertThat(alert.endReason()).isEqualTo(EndReason.GATEWAY_RESTART_TIMEOUT);
        assertThat(alert.gridCell().code()).isEqualTo("310104007012");
        next.stored(end);
        assertThat(next.expire(lastAlive.plus(RESTART_TIMEOUT).plusSeconds(60))).as("ends once").isEmpty();
        assertThat(next.openIncidents()).isZero();
    }

    @Test
    void anEndTheOutboxRefusedIsProposedAgainAtTheNextCheck() {
        IncidentTracker next = restarted(t0, run(tracker(), loud(0, true, Severity.ORANGE)));
        Proposal end = next.expire(t0.plus(RESTART_TIMEOUT)).getFirst();
        assertThat(next.refused(end)).isEmpty();
        assertThat(next.expire(t0.plus(RESTART_TIMEOUT).plusSeconds(1))).extracting(p -> p.step().endReason())
                .containsExactly(EndReason.GATEWAY_RESTART_TIMEOUT);
    }

    @Test
    void aConfirmedIncidentIsNotEndedByTheTimeout() {
        IncidentTracker next = restarted(t0, run(tracker(), loud(0, true, Severity.ORANGE)));
        next.stored(next.step(loud(100, true, Severity.ORANGE), factory).orElseThrow());
        assertThat(next.expire(t0.plus(RESTART_TIMEOUT).plus(Duration.ofHours(5)))).isEmpty();
        assertThat(next.openIncidents()).isEqualTo(1);
    }

    @Test
    void aRefusedConfirmationLeavesTheIncidentUnconfirmed() {
        IncidentTracker next = restarted(t0, run(tracker(), loud(0, true, Severity.ORANGE)));
        Proposal update = next.step(loud(100, true, Severity.ORANGE), factory).orElseThrow();
        next.refused(update);
        assertThat(next.expire(t0.plus(RESTART_TIMEOUT))).extracting(p -> p.step().endReason())
                .containsExactly(EndReason.GATEWAY_RESTART_TIMEOUT);
    }

    @Test
    void aOneShotSightingKeepsItsTtlAcrossTheRestartNotTheRestartTimeout() {
        Duration ttl = Duration.ofHours(2);
        Finding sighting = new Finding("pile", "noise.construction",
                Subject.object("drone-1", "cell-1", "obj-7", new GroundLocation(31.17, 121.43, 8)), true, Severity.YELLOW, t0,
                "垃圾堆 obj-7", List.of(), List.of(), new Lifetime.OneShot(ttl));
        IncidentRow row = run(tracker(), sighting);
        IncidentTracker next = restarted(t0.plusSeconds(10), row);
        assertThat(next.expire(t0.plus(RESTART_TIMEOUT).plusSeconds(30))).as("no restart timeout for a sighting").isEmpty();
        List<Proposal> ended = next.expire(t0.plus(ttl));
        assertThat(ended).hasSize(1);
        assertThat(ended.getFirst().step().endReason()).isEqualTo(EndReason.NOT_SEEN_AGAIN);
        assertThat(ended.getFirst().finding().subject().objectKey()).isEqualTo("obj-7");
        assertThat(ended.getFirst().finding().subject().location()).isEqualTo(new GroundLocation(31.17, 121.43, 8));
        assertThat(ended.getFirst().step().incidentId()).isEqualTo(IncidentStates.read(row).incidentId());
    }

    @Test
    void afterATimeoutEndTheProblemSeenAgainIsANewCaseAtOnceDespiteTheCooldown() {
        IncidentRow row = run(tracker(), loud(0, true, Severity.ORANGE));
        IncidentTracker next = new IncidentTracker(new AlertPolicyConfig(3600, 600, (int) RESTART_TIMEOUT.toSeconds()), UUID::randomUUID);
        next.resume(List.of(IncidentStates.read(row)), factory, t0);
        next.stored(next.expire(t0.plus(RESTART_TIMEOUT)).getFirst());
        Proposal start = next.step(loud(120, true, Severity.ORANGE), factory).orElseThrow();
        assertThat(start.step().lifecycle()).isEqualTo(Lifecycle.START);
        assertThat(start.step().incidentId()).isNotEqualTo(IncidentStates.read(row).incidentId());
    }
}
