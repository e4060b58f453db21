package gridwatch.gateway.alert;

import gridwatch.config.model.AlertPolicyConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.GroundLocation;
import gridwatch.detectors.core.Lifetime;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.core.Subject;
import gridwatch.gateway.alert.IncidentTracker.Proposal;
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
 * One-shot findings (a pile in a drone photo): the incident ends by itself when the object is not seen again within
 * its TTL, reckoned from the sighting's observed time and checked against the clock the caller passes.
 */
class OneShotIncidentTest {

    @TempDir
    static Path dir;
    private static AlertFactory factory;

    private static final Duration TTL = Duration.ofMinutes(10);
    private final Instant t0 = Instant.parse("2026-11-20T14:00:00Z");

    @BeforeAll
    static void config() throws Exception {
        factory = new AlertFactory(new GatewayConfigLoader().load(TestConfigs.thresholdBox(dir, "tcp://127.0.0.1:1", 70, "outbox")),
                UUID::randomUUID, Clock.systemUTC());
    }

    private static IncidentTracker tracker(int updateIntervalSeconds) {
        return new IncidentTracker(new AlertPolicyConfig(updateIntervalSeconds, 0), UUID::randomUUID);
    }

    private Finding sighting(Duration at, String objectKey) {
        return new Finding("pile", "noise.construction", Subject.object("drone-1", "cell-1", objectKey, new GroundLocation(31.17, 121.43, 8)),
                true, Severity.YELLOW, t0.plus(at), "垃圾堆 " + objectKey, List.of(), List.of(), new Lifetime.OneShot(TTL));
    }

    private static Proposal stored(IncidentTracker tracker, Proposal p) {
        assertThat(tracker.stored(p)).isEmpty();
        return p;
    }

    @Test
    void notSeenAgainItEndsAtTheTtlWithAReason() {
        IncidentTracker tracker = tracker(0);
        Proposal start = stored(tracker, tracker.step(sighting(Duration.ZERO, "obj-1"), factory).orElseThrow());
        assertThat(tracker.expire(t0.plus(TTL).minusSeconds(1))).as("within the TTL").isEmpty();

        List<Proposal> ended = tracker.expire(t0.plus(TTL));
        assertThat(ended).hasSize(1);
        Proposal end = ended.getFirst();
        assertThat(end.step().lifecycle()).isEqualTo(Lifecycle.END);
        assertThat(end.step().incidentId()).isEqualTo(start.step().incidentId());
        assertThat(end.finding().observedAt()).isEqualTo(t0.plus(TTL));
        assertThat(end.finding().summary()).startsWith("not seen again within 10m");
        stored(tracker, end);
        assertThat(tracker.expire(t0.plus(TTL).plusSeconds(60))).as("ends once").isEmpty();
        assertThat(tracker.openIncidents()).isZero();
    }

    @Test
    void seenAgainWithinTheTtlItIsAnUpdateAndTheDeadlineMoves() {
        IncidentTracker tracker = tracker(0);
        Proposal start = stored(tracker, tracker.step(sighting(Duration.ZERO, "obj-1"), factory).orElseThrow());
        Proposal again = stored(tracker, tracker.step(sighting(Duration.ofMinutes(8), "obj-1"), factory).orElseThrow());
        assertThat(again.step().lifecycle()).isEqualTo(Lifecycle.UPDATE);
        assertThat(again.step().incidentId()).isEqualTo(start.step().incidentId());

        assertThat(tracker.expire(t0.plus(TTL).plusSeconds(60))).as("the second sighting moved the deadline").isEmpty();
        assertThat(tracker.expire(t0.plus(Duration.ofMinutes(18)))).extracting(p -> p.step().lifecycle()).containsExactly(Lifecycle.END);
    }

    @Test
    void seenAgainUnderTheUpdateIntervalItSaysNothingButStillMovesTheDeadline() {
        IncidentTracker tracker = tracker(3600);
        stored(tracker, tracker.step(sighting(Duration.ZERO, "obj-1"), factory).orElseThrow());
        assertThat(tracker.step(sighting(Duration.ofMinutes(8), "obj-1"), factory)).isEmpty();
        assertThat(tracker.expire(t0.plus(TTL).plusSeconds(60))).isEmpty();
        assertThat(tracker.expire(t0.plus(Duration.ofMinutes(18)))).hasSize(1);
    }

    @Test
    void onlyTheObjectsNotSeenAgainEnd() {
        IncidentTracker tracker = tracker(0);
        stored(tracker, tracker.step(sighting(Duration.ZERO, "obj-1"), factory).orElseThrow());
        stored(tracker, tracker.step(sighting(Duration.ZERO, "obj-2"), factory).orElseThrow());
        stored(tracker, tracker.step(sighting(Duration.ofMinutes(9), "obj-2"), factory).orElseThrow()); // next patrol: only obj-2
        List<Proposal> ended = tracker.expire(t0.plus(TTL));
        assertThat(ended).extracting(p -> p.finding().subject().objectKey()).containsExactly("obj-1");
        assertThat(tracker.openIncidents()).isEqualTo(1);
    }

    @Test
    void anEndTheOutboxRefusedIsProposedAgain() {
        IncidentTracker tracker = tracker(0);
        stored(tracker, tracker.step(sighting(Duration.ZERO, "obj-1"), factory).orElseThrow());
        Proposal end = tracker.expire(t0.plus(TTL)).getFirst();
        assertThat(tracker.refused(end)).isEmpty();
        assertThat(tracker.openIncidents()).isEqualTo(1);
        assertThat(tracker.expire(t0.plus(TTL).plusSeconds(1))).extracting(p -> p.step().lifecycle()).containsExactly(Lifecycle.END);
    }

    @Test
    void anEndBehindAHeldStartWaitsForItsTurn() {
        IncidentTracker tracker = tracker(0);
        Proposal start = tracker.step(sighting(Duration.ZERO, "obj-1"), factory).orElseThrow();
        tracker.holdUntilSettled(start);
        assertThat(tracker.expire(t0.plus(TTL))).as("the START is not stored yet").isEmpty();
        Proposal end = tracker.stored(start).orElseThrow();
        assertThat(end.step().lifecycle()).isEqualTo(Lifecycle.END);
    }

    @Test
    void heldFindingsNeverEndByThemselves() {
        IncidentTracker tracker = tracker(0);
        Finding held = new Finding("loud", "noise.construction", Subject.of("noise-1", "cell-1"), true, Severity.ORANGE, t0, "loud",
                List.of(), List.of());
        stored(tracker, tracker.step(held, factory).orElseThrow());
        assertThat(tracker.expire(t0.plus(Duration.ofDays(30)))).isEmpty();
        assertThat(tracker.openIncidents()).isEqualTo(1);
    }
}
