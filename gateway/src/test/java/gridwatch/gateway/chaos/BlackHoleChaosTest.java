package gridwatch.gateway.chaos;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario (b) of issue 8: the link between gateway and broker turns into a black hole (a proxy
 * keeps both TCP connections open and stops moving bytes), on a saturated CPU. Nothing closes, so
 * only the MQTT keep-alive (5 s here) can tell the gateway the link is gone: it must notice
 * within a few keep-alive periods, keep storing alerts, and deliver all of them once the link
 * passes bytes again.
 */
@Tag("chaos")
class BlackHoleChaosTest {

    private static final int KEEP_ALIVE_SECONDS = 5;

    @TempDir
    Path dir;

    @Test
    void keepAliveNoticesABlackHoleAndEveryAlertArrivesAfterward() throws Exception {
        try (ChaosRig rig = ChaosRig.start(dir, "b-black-hole", new ChaosRig.Options(true, KEEP_ALIVE_SECONDS, 0, false))) {
            ChaosScale scale = rig.scale();
            // Paho pings after one keep-alive without traffic and gives up one keep-alive later; allow a third for a busy box.
            Duration noticeBound = Duration.ofSeconds(3L * KEEP_ALIVE_SECONDS + 5);
            List<Long> noticedMillis = new ArrayList<>();
            rig.flow(Duration.ofSeconds(2));
            int holes = 0;
            for (int i = 0; i < scale.blackHoles(); i++) {
                rig.flow(rig.randomFlow());
                long holed = System.nanoTime();
                rig.proxy().blackHole();
                holes++;
                boolean noticed = ChaosRig.waitFor(noticeBound.plusSeconds(10),
                        () -> rig.ops().metric("gridwatch_uplink_connected").orElse(1) == 0);
                noticedMillis.add(noticed ? (System.nanoTime() - holed) / 1_000_000 : -1);
                long left = scale.blackHoleFor().toNanos() - (System.nanoTime() - holed);
                if (left > 0) {
                    rig.flow(Duration.ofNanos(left));
                }
                rig.proxy().heal();
                if (!rig.recovery().await(rig.center(), System.nanoTime(), scale.recoveryBound())) {
                    break;
                }
            }
            rig.flow(Duration.ofSeconds(2));
            Verdict v = rig.finish("%d black holes of %ds, keep-alive %ds".formatted(holes, scale.blackHoleFor().toSeconds(),
                    KEEP_ALIVE_SECONDS), Redelivery.bound(holes, scale), true, "noticed after (ms) " + noticedMillis);
            assertThat(noticedMillis).as("time from black hole to the gateway reporting the uplink down (-1: never), "
                    + "bound %s; %s", noticeBound, v.summaryLine()).allMatch(ms -> ms >= 0 && ms <= noticeBound.toMillis());
            ChaosAssertions.assertPass(rig, v, true);
        }
    }
}
