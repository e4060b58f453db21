package gridwatch.gateway.alert;

import gridwatch.config.model.AlertPolicyConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Severity;
import gridwatch.gateway.alert.IncidentTracker.Proposal;
import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.TestConfigs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracker undoes a step whose alert the outbox refused; after a proposal the outbox might refuse, later findings
 * wait for its answer and are decided against what the center actually has.
 */
class IncidentTrackerTest {

    @TempDir
    static Path dir;
    private static EdgeConfig config;
    private static AlertFactory factory;

    private final IncidentTracker tracker = new IncidentTracker(new AlertPolicyConfig(0, 0), UUID::randomUUID);
    private final Instant t0 = Instant.parse("2026-11-20T14:00:00Z");

    @BeforeAll
    static void config() throws Exception {
        config = new GatewayConfigLoader().load(TestConfigs.thresholdBox(dir, "tcp://127.0.0.1:1", 70, "outbox"));
        factory = new AlertFactory(config, UUID::randomUUID, Clock.systemUTC());
    }

    private Optional<Proposal> step(Finding f) {
        return tracker.step(f, factory);
    }

    private Finding finding(int second, boolean active, Severity s) {
        return new Finding("loud", "noise.construction", "noise-1", "cell-1", active, s, t0.plusSeconds(second), "f" + second,
                List.of(), List.of());
    }

    private static Lifecycle lifecycle(Optional<Proposal> p) {
        return p.orElseThrow().step().lifecycle();
    }

    /** A proposal the outbox might refuse: it holds its incident until settled. */
    private Proposal held(Finding f) {
        Proposal p = step(f).orElseThrow();
        tracker.holdUntilSettled(p);
        return p;
    }

    @Test
    void aRefusedStartLeavesNothingToEndAndTheNextActiveFindingStartsAgain() {
        Proposal start = held(finding(0, true, Severity.ORANGE));
        assertThat(start.step().lifecycle()).isEqualTo(Lifecycle.START);
        assertThat(step(finding(1, false, Severity.ORANGE))).as("waits for the START's answer").isEmpty();

        assertThat(tracker.refused(start)).as("no END for a case the center never saw open").isEmpty();
        assertThat(tracker.openIncidents()).isZero();

        Proposal again = step(finding(2, true, Severity.ORANGE)).orElseThrow();
        assertThat(again.step().lifecycle()).isEqualTo(Lifecycle.START);
        assertThat(again.step().revision()).isZero();
        assertThat(again.step().incidentId()).isNotEqualTo(start.step().incidentId());
    }

    @Test
    void aRefusedEndLeavesTheIncidentOpenAndTheNextInactiveFindingEndsIt() {
        Proposal start = step(finding(0, true, Severity.ORANGE)).orElseThrow();
        assertThat(tracker.stored(start)).isEmpty();
        Proposal end = held(finding(1, false, Severity.ORANGE));
        assertThat(tracker.refused(end)).isEmpty();
        assertThat(tracker.openIncidents()).isOne();

        Proposal endAgain = step(finding(2, false, Severity.ORANGE)).orElseThrow();
        assertThat(endAgain.step().lifecycle()).isEqualTo(Lifecycle.END);
        assertThat(endAgain.step().incidentId()).isEqualTo(start.step().incidentId());
        assertThat(endAgain.step().revision()).isEqualTo(1);
    }

    @Test
    void findingsThatWaitedOnAHeldProposalAreDecidedInOrderOnceItIsStored() {
        Proposal start = held(finding(0, true, Severity.ORANGE));
        assertThat(step(finding(1, true, Severity.RED))).isEmpty();
        assertThat(step(finding(2, false, Severity.RED))).isEmpty();

        Optional<Proposal> update = tracker.stored(start);
        assertThat(lifecycle(update)).isEqualTo(Lifecycle.UPDATE);
        assertThat(update.orElseThrow().step().revision()).isEqualTo(1);
        Optional<Proposal> end = tracker.resume(start.key()); // the UPDATE does not hold: the END follows at once
        assertThat(lifecycle(end)).isEqualTo(Lifecycle.END);
        assertThat(end.orElseThrow().step().incidentId()).isEqualTo(start.step().incidentId());
        assertThat(end.orElseThrow().step().revision()).isEqualTo(2);
        assertThat(tracker.resume(start.key())).isEmpty();
        assertThat(tracker.stored(update.orElseThrow())).isEmpty();
        assertThat(tracker.stored(end.orElseThrow())).isEmpty();
        assertThat(tracker.openIncidents()).isZero();
        assertThat(tracker.unsettledCount()).isZero();
    }

    @Test
    void proposalsThatCannotBeRefusedFollowEachOtherWithoutWaiting() {
        Proposal start = step(finding(0, true, Severity.ORANGE)).orElseThrow();
        Proposal update = step(finding(1, true, Severity.ORANGE)).orElseThrow();
        Proposal end = step(finding(2, false, Severity.ORANGE)).orElseThrow();
        assertThat(List.of(start, update, end)).extracting(p -> p.step().lifecycle())
                .containsExactly(Lifecycle.START, Lifecycle.UPDATE, Lifecycle.END);
        assertThat(tracker.unsettledCount()).isEqualTo(3);
        tracker.stored(start);
        tracker.stored(update);
        tracker.stored(end);
        assertThat(tracker.unsettledCount()).isZero();
    }

    @Test
    void aRunOfAlikeFindingsWaitsAsItsNewestOnly() {
        Proposal start = held(finding(0, true, Severity.ORANGE));
        for (int s = 1; s <= 1000; s++) {
            assertThat(step(finding(s, true, Severity.ORANGE))).isEmpty();
        }
        Optional<Proposal> update = tracker.stored(start);
        assertThat(update.orElseThrow().finding().summary()).isEqualTo("f1000");
        assertThat(tracker.overflowedCount()).isZero();
    }

    @Test
    void aFaultAndAnOfflineOfOneDeviceAreSeparateIncidents() {
        Finding fault = new Finding("device-health", "device.fault", "gauge-1", "river", true, Severity.BLUE, t0, "fault",
                List.of(), List.of());
        Finding offline = new Finding("device-health", "device.offline", "gauge-1", "river", true, Severity.BLUE, t0.plusSeconds(5),
                "offline", List.of(), List.of());
        Proposal f = held(fault);
        Proposal o = step(offline).orElseThrow();
        assertThat(o.step().lifecycle()).isEqualTo(Lifecycle.START);
        assertThat(o.step().incidentId()).isNotEqualTo(f.step().incidentId());
    }

    @Test
    void aFindingThatWaitedAcrossAReloadKeepsTheConfigItWasMadeUnder() {
        Proposal start = held(finding(0, true, Severity.ORANGE));
        assertThat(tracker.step(finding(1, false, Severity.ORANGE), factory)).as("made before the reload; waits").isEmpty();
        AlertFactory reloaded = factory.withConfig(config);

        Proposal end = tracker.stored(start).orElseThrow();
        assertThat(end.step().lifecycle()).isEqualTo(Lifecycle.END);
        assertThat(end.madeUnder()).isSameAs(factory);
        assertThat(tracker.stored(end)).isEmpty();
        assertThat(tracker.step(finding(2, true, Severity.ORANGE), reloaded).orElseThrow().madeUnder()).isSameAs(reloaded);
    }
}
