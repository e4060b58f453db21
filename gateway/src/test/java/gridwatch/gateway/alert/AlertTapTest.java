package gridwatch.gateway.alert;

import gridwatch.detectors.core.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A tap whose sink is stuck drops its own overflow, counted; the tap beside it gets every alert. */
class AlertTapTest {

    private static Alert alert(int n) {
        Instant t = Instant.parse("2026-11-20T14:00:00Z").plusSeconds(n);
        return new Alert(UUID.randomUUID(), UUID.randomUUID(), 0, "test-box", "noise.construction",
                new Category("03-01", "施工扰民", "event", "CJT214"), Severity.ORANGE, Lifecycle.START, "loud",
                new DeviceRef("noise-1", "test meter", "decibel-meter-rs485"), null, "cell-1", null, t, t, t,
                "alert " + n, List.of(), List.of());
    }

    @Test
    void aStuckSinkDropsOnlyItsOwnOverflowAndTheTapBesideItGetsEveryAlert() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Queue<Alert> stuckGot = new ConcurrentLinkedQueue<>();
        Queue<Alert> quickGot = new ConcurrentLinkedQueue<>();
        AtomicInteger stuckDrops = new AtomicInteger();
        AtomicInteger quickDrops = new AtomicInteger();
        AlertTap stuck = new AlertTap("stuck", a -> {
            stuckGot.add(a);
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 4, stuckDrops::incrementAndGet);
        AlertTap quick = new AlertTap("quick", quickGot::add, 64, quickDrops::incrementAndGet);
        stuck.start();
        quick.start();
        try {
            stuck.offer(alert(0));
            quick.offer(alert(0));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue(); // the stuck sink holds alert 0
            for (int i = 1; i < 20; i++) {
                stuck.offer(alert(i));
                quick.offer(alert(i));
            }
            await().atMost(10, TimeUnit.SECONDS).until(() -> quickGot.size() == 20);
            assertThat(quickDrops).hasValue(0);
            assertThat(stuck.dropped()).as("4 wait in its queue, the other 15 are dropped for it").isEqualTo(15);
            assertThat(stuckDrops).hasValue(15);

            release.countDown();
            await().atMost(10, TimeUnit.SECONDS).until(() -> stuckGot.size() == 5);
            assertThat(stuckGot).extracting(Alert::summary).containsExactly("alert 0", "alert 1", "alert 2", "alert 3", "alert 4");
        } finally {
            release.countDown();
            stuck.close();
            quick.close();
        }
    }
}
