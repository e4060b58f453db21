package gridwatch.gateway.alert;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedMemoTest {

    @Test
    void makesEachValueOnceAndForgetsAllRatherThanGrowPastItsBound() {
        AtomicInteger made = new AtomicInteger();
        BoundedMemo<Integer, String> memo = new BoundedMemo<>(3, key -> { made.incrementAndGet(); return "v" + key; });
        for (int round = 0; round < 5; round++) {
            for (int k = 0; k < 3; k++) {
                assertThat(memo.get(k)).isEqualTo("v" + k);
            }
        }
        assertThat(made.get()).as("three keys, each made once").isEqualTo(3);
        memo.get(3);   // a fourth key: everything is forgotten first
        assertThat(made.get()).isEqualTo(4);
        memo.get(0);
        assertThat(made.get()).as("0 was forgotten with the others, so made again").isEqualTo(5);
    }
}
