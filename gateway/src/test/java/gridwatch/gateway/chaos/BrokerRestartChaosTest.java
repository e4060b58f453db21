package gridwatch.gateway.chaos;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Scenario (a) of issue 8: alerts flow at a steady rate on a saturated CPU while the broker is
 * SIGKILLed or SIGTERMed at random moments (about half each, in random order), stays down for a
 * random while and comes back on the same persistence. Every alert the gateway produced must
 * reach the center, and delivery must resume within the bound each time the broker returns.
 */
@Tag("chaos")
class BrokerRestartChaosTest {

    @TempDir
    Path dir;

    @Test
    void everyProducedAlertArrivesAcrossBrokerKillsAndRestarts() throws Exception {
        try (ChaosRig rig = ChaosRig.start(dir, "a-broker", ChaosRig.Options.plain())) {
            ChaosScale scale = rig.scale();
            List<Boolean> hard = new ArrayList<>();
            for (int i = 0; i < scale.brokerRestarts(); i++) {
                hard.add(i % 2 == 0);
            }
            Collections.shuffle(hard, rig.random());
            int kills = 0;
            int terms = 0;
            rig.flow(Duration.ofSeconds(2));
            for (boolean sigkill : hard) {
                rig.flow(rig.randomFlow());
                if (sigkill) {
                    rig.killBroker();
                    kills++;
                } else {
                    rig.stopBroker();
                    terms++;
                }
                rig.flow(rig.between(Duration.ofMillis(500), scale.brokerDownMax()));
                rig.startBroker();
                if (!rig.recovery().await(rig.center(), System.nanoTime(), scale.recoveryBound())) {
                    break; // the verdict reports it; more restarts would only lengthen a failing run
                }
            }
            rig.flow(Duration.ofSeconds(2));
            int restarts = kills + terms;
            Verdict v = rig.finish("%d broker restarts (%d SIGKILL, %d SIGTERM)".formatted(restarts, kills, terms),
                    Redelivery.bound(restarts, scale), true, "");
            ChaosAssertions.assertPass(rig, v, true);
        }
    }
}
