package gridwatch.detectors.vision;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard between a model's inferences and its close, with real threads holding real uses. */
class UseGuardTest {

    private final List<String> freedOn = new CopyOnWriteArrayList<>();
    private final UseGuard guard = new UseGuard("model test.onnx", () -> freedOn.add(Thread.currentThread().getName()));

    /** A thread inside a use until {@code leave} opens. */
    private Thread holdUse(CountDownLatch inside, CountDownLatch leave) {
        return Thread.ofPlatform().name("analysis").start(() -> guard.use(() -> {
            inside.countDown();
            try {
                leave.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).as("condition within 30 s").isTrue();
    }

    @Test
    void closeWaitsForTheRunningUseAndFreesOnTheClosingThreadWhenItEnds() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread analysis = holdUse(inside, leave);
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean returned = new AtomicBoolean();
        boolean[] result = new boolean[1];
        Thread closer = Thread.ofPlatform().name("shutdown").start(() -> {
            result[0] = guard.close(Duration.ofSeconds(60));
            returned.set(true);
        });
        waitUntil(guard::closed);
        assertThat(freedOn).as("freed while a use runs").isEmpty();
        assertThat(returned).as("close() returned while a use runs").isFalse();
        leave.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(30));
        analysis.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(result[0]).isTrue();
        assertThat(freedOn).containsExactly("shutdown");
    }

    @Test
    void aUseThatOutlastsTheBoundIsNotFreedUnderAndFreesItselfAsItEnds() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread analysis = holdUse(inside, leave);
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(guard.close(Duration.ofMillis(50))).as("freed by close()").isFalse();
        assertThat(freedOn).isEmpty();
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> guard.use(() -> ran.getAndSet(true))).isInstanceOf(ClosedException.class).hasMessage("model test.onnx is closed");
        assertThat(ran).as("work run after close").isFalse();

        leave.countDown();
        analysis.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(freedOn).containsExactly("analysis");
        assertThat(guard.close(Duration.ofMillis(50))).isTrue();
        assertThat(freedOn).hasSize(1);
    }

    @Test
    void nestedUsesOfAnIdleGuardEndAndItFreesAtOnceAndOnlyOnce() {
        assertThat(guard.use(() -> guard.use(() -> "tile"))).isEqualTo("tile");
        assertThat(guard.close(Duration.ofSeconds(1))).isTrue();
        assertThat(guard.close(Duration.ofSeconds(1))).isTrue();
        assertThat(freedOn).containsExactly(Thread.currentThread().getName());
    }
}
