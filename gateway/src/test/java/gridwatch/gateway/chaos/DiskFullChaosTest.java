package gridwatch.gateway.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario (d) of issue 8: the filesystem under the outbox fills up (a real tmpfs, filled with a
 * ballast file until ENOSPC, as camera recordings would fill a box's disk), on a saturated CPU.
 * While it is full, /health must say so (DOWN, outbox FAILING, and the failure gauge 1) whenever
 * the outbox fails to commit, and DISK_LOW (DEGRADED) in between; once the ballast goes, every alert
 * that came in meanwhile must be stored and delivered.
 */
@Tag("chaos")
class DiskFullChaosTest {

    private static final long DISK_BYTES = 64L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aFullDiskShowsInHealthAndNoAlertIsLostOnceSpaceReturns() throws Exception {
        try (ChaosRig rig = ChaosRig.start(dir, "d-disk-full", new ChaosRig.Options(false, 30, DISK_BYTES, false))) {
            ChaosScale scale = rig.scale();
            rig.flow(Duration.ofSeconds(3));
            long ballast = rig.disk().fill();
            long filled = System.nanoTime();
            boolean noticed = ChaosRig.waitFor(Duration.ofSeconds(60), () -> storageFailing(rig));
            long noticedMillis = (System.nanoTime() - filled) / 1_000_000;
            List<String> whileFull = new ArrayList<>();
            long until = System.nanoTime() + scale.diskFullFor().toNanos();
            while (noticed && System.nanoTime() < until) {
                JsonNode h = rig.ops().health().orElseThrow();
                whileFull.add(h.path("status").asText() + "/" + h.path("components").path("outbox").path("state").asText()
                        + "/gauge=" + (long) rig.ops().metric("gridwatch_outbox_storage_failing").orElse(-1));
                rig.flow(Duration.ofSeconds(1));
            }
            long failingSamples = whileFull.stream().filter(x -> x.contains("/FAILING/")).count();
            long recoveredWhileFull = rig.gateway().grep(10_000, "outbox storage recovered").size();
            rig.disk().release();
            long released = System.nanoTime();
            boolean recovered = ChaosRig.waitFor(Duration.ofSeconds(60), () -> !storageFailing(rig));
            rig.recovery().await(rig.center(), released, scale.recoveryBound());
            rig.flow(Duration.ofSeconds(3));
            Verdict v = rig.finish("disk full for %ds (%s, %d MiB ballast)".formatted(scale.diskFullFor().toSeconds(),
                    rig.disk().how(), ballast / (1024 * 1024)), Redelivery.bound(1, scale), true,
                    "failure shown after %d ms; health while full: %d of %d samples FAILING %s; storage recovered %d times "
                            .formatted(noticedMillis, failingSamples, whileFull.size(), whileFull.stream().distinct().toList(),
                                    recoveredWhileFull)
                            + "before the ballast went (a batch that fit in SQLite's existing pages)");
            assertThat(noticed).as("health reported the storage failure within 60 s of the disk filling; %s", v.summaryLine()).isTrue();
            // While full, a batch that fits in the WAL's existing pages may still commit, so a sample may honestly
            // show OK; but the failure must show, consistently in status, outbox state and gauge.
            assertThat(whileFull).as("health samples while the disk was full").isNotEmpty()
                    .contains("DOWN/FAILING/gauge=1")
                    .allMatch(x -> !x.contains("/FAILING/") || x.startsWith("DOWN/"))
                    // Between two refused writes (a write that fits in space SQLite already holds succeeds),
                    // health must still not look healthy: the free space says DISK_LOW.
                    .allMatch(x -> x.contains("/FAILING/") || x.contains("/DISK_LOW/"));
            assertThat(recovered).as("storage recovered after the ballast was removed").isTrue();
            ChaosAssertions.assertPass(rig, v, true);
        }
    }

    private static boolean storageFailing(ChaosRig rig) throws InterruptedException {
        return rig.ops().health().map(h -> "FAILING".equals(h.path("components").path("outbox").path("state").asText()))
                .orElse(false);
    }
}
