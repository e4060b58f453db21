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

/** The tracker moves an incident only when its alert is stored, and decides later findings against that state. */
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

    @Test
    void aRefusedStartLeavesNothingToEndAndTheNextActiveFindingStartsAgain() {
        Proposal start = step(finding(0, true, Severity.ORANGE)).orElseThrow();
        assertThat(start.step().lifecycle()).isEqualTo(Lifecycle.START);
        assertThat(step(finding(1, false, Severity.ORANGE))).as("waits for the START's outcome").isEmpty();

        assertThat(tracker.refused(start)).as("no END for a case the center never saw open").isEmpty();
        assertThat(tracker.openIncidents()).isZero();

        Proposal again = step(finding(2, true, Severity.ORANGE)).orElseThrow();
        assertThat(again.step().lifecycle()).isEqualTo(Lifecycle.START);
        assertThat(again.step().revision()).isZero();
        assertThat(again.step().incidentId()).isNotEqualTo(start.step().incidentId());
    }

    @Test
    void findingsThatArriveWhileAnAlertIsStoredAreDecidedInOrderOnceItIs() {
        Proposal start = step(finding(0, true, Severity.ORANGE)).orElseThrow();
        assertThat(step(finding(1, true, Severity.RED))).isEmpty();
        assertThat(step(finding(2, false, Severity.RED))).isEmpty();

        Optional<Proposal> update = tracker.stored(start);
        assertThat(lifecycle(update)).isEqualTo(Lifecycle.UPDATE);
        assertThat(update.orElseThrow().step().revision()).isEqualTo(1);
        Optional<Proposal> end = tracker.stored(update.orElseThrow());
        assertThat(lifecycle(end)).isEqualTo(Lifecycle.END);
        assertThat(end.orElseThrow().step().incidentId()).isEqualTo(start.step().incidentId());
        assertThat(end.orElseThrow().step().revision()).isEqualTo(2);
        assertThat(tracker.stored(end.orElseThrow())).isEmpty();
        assertThat(tracker.openIncidents()).isZero();
        assertThat(tracker.unsettledCount()).isZero();
    }

    @Test
    void aRunOfAlikeFindingsWaitsAsItsNewestOnly() {
        Proposal start = step(finding(0, true, Severity.ORANGE)).orElseThrow();
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
        Proposal f = step(fault).orElseThrow();
        Proposal o = step(offline).orElseThrow();
        assertThat(o.step().lifecycle()).isEqualTo(Lifecycle.START);
        assertThat(o.step().incidentId()).isNotEqualTo(f.step().incidentId());
    }

    @Test
    void aFindingThatWaitedAcrossAReloadKeepsTheConfigItWasMadeUnder() {
        Proposal start = tracker.step(finding(0, true, Severity.ORANGE), factory).orElseThrow();
        assertThat(tracker.step(finding(1, false, Severity.ORANGE), factory)).as("made before the reload; waits").isEmpty();
        AlertFactory reloaded = factory.withConfig(config);

        Proposal end = tracker.stored(start).orElseThrow();
        assertThat(end.step().lifecycle()).isEqualTo(Lifecycle.END);
        assertThat(end.madeUnder()).isSameAs(factory);
        assertThat(tracker.stored(end)).isEmpty();
        assertThat(tracker.step(finding(2, true, Severity.ORANGE), reloaded).orElseThrow().madeUnder()).isSameAs(reloaded);
    }
}
