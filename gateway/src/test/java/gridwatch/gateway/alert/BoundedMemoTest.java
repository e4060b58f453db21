package gridwatch.gateway.alert;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedMemoTest {

    @Test
    void makesEachValueOnceAndForgetsAllRatherThanGrowPastItsBound() {
        AtomicInteger made = new AtomicInteger();
        BoundedMemo<Integer, String> memo = new BoundedMemo<>(3);
        for (int round = 0; round < 5; round++) {
            for (int k = 0; k < 3; k++) {
                assertThat(memo.get(k, key -> { made.incrementAndGet(); return "v" + key; })).isEqualTo("v" + k);
            }
        }
        assertThat(made.get()).as("three keys, each made once").isEqualTo(3);
        memo.get(3, key -> "v3");   // a fourth key: everything is forgotten first
        memo.get(0, key -> { made.incrementAndGet(); return "v0"; });
        assertThat(made.get()).isEqualTo(4);
    }
}
