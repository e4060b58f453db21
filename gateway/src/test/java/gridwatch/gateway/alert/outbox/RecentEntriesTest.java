package gridwatch.gateway.alert.outbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentEntriesTest {

    private static OutboxEntry entry(long seq) {
        return new OutboxEntry(seq, "a" + seq, "noise-1", 1, "t", new byte[100]);
    }

    @Test
    void answersFromMemoryWhileEverythingAfterTheCursorIsThere() {
        RecentEntries r = new RecentEntries(1 << 20);
        r.startAfter(10);
        for (long s = 11; s <= 20; s++) {
            r.add(entry(s));
        }
        assertThat(r.after(9, 100)).as("11 and below came from disk at start-up").isNull();
        assertThat(r.after(10, 3)).extracting(OutboxEntry::seq).containsExactly(11L, 12L, 13L);
        r.remove(12);
        assertThat(r.after(11, 2)).extracting(OutboxEntry::seq).containsExactly(13L, 14L);
    }

    @Test
    void overflowSendsReadersOfTheDroppedRangeToDisk() {
        long one = entry(1).footprint();
        RecentEntries r = new RecentEntries(one * 5);
        for (long s = 1; s <= 8; s++) {
            r.add(entry(s));
        }
        assertThat(r.after(0, 100)).as("1..3 left memory").isNull();
        assertThat(r.after(2, 100)).isNull();
        assertThat(r.after(3, 100)).extracting(OutboxEntry::seq).containsExactly(4L, 5L, 6L, 7L, 8L);
    }
}
