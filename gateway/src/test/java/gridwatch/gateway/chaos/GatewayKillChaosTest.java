package gridwatch.gateway.chaos;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Scenario (c) of issue 8: the gateway is SIGKILLed mid-stream, at random moments, and started
 * again on the same outbox, on a saturated CPU. Whatever it committed before each kill must reach
 * the center; packets in the dead process's socket buffers are not alerts yet and may be lost.
 */
@Tag("chaos")
class GatewayKillChaosTest {

    @TempDir
    Path dir;

    @Test
    void everyStoredAlertArrivesAcrossGatewayKill9s() throws Exception {
        try (ChaosRig rig = ChaosRig.start(dir, "c-gateway-kill", ChaosRig.Options.plain())) {
            ChaosScale scale = rig.scale();
            rig.flow(Duration.ofSeconds(2));
            int kills = 0;
            for (int i = 0; i < scale.gatewayKills(); i++) {
                rig.flow(rig.randomFlow());
                rig.gateway().kill9();
                kills++;
                Thread.sleep(rig.between(Duration.ofMillis(200), Duration.ofSeconds(1)).toMillis());
                rig.gateway().start();
                if (!rig.recovery().await(rig.center(), System.nanoTime(), scale.recoveryBound())) {
                    break;
                }
            }
            rig.flow(Duration.ofSeconds(2));
            Verdict v = rig.finish("%d gateway SIGKILLs".formatted(kills), Redelivery.bound(kills, scale), false,
                    "recovery = gateway answering /health again -> first new alert");
            ChaosAssertions.assertPass(rig, v, false);
        }
    }
}
