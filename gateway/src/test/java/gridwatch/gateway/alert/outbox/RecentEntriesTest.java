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

    @Test
    void acknowledgedEntriesLeaveHolesThatNoReaderSees() {
        RecentEntries r = new RecentEntries(1 << 20);
        for (long s = 1; s <= 10; s++) {
            r.add(entry(s));
        }
        r.remove(1);
        r.remove(5);
        r.remove(6);
        r.remove(5);   // twice: nothing more happens
        assertThat(r.after(0, 100)).extracting(OutboxEntry::seq).containsExactly(2L, 3L, 4L, 7L, 8L, 9L, 10L);
        assertThat(r.after(4, 2)).extracting(OutboxEntry::seq).containsExactly(7L, 8L);
        r.remove(42);  // never held
        assertThat(r.after(10, 100)).isEmpty();
    }

    @Test
    void aStreamAcknowledgedInOrderAndOutOfItStaysWholeWellPastTheFirstRing() {
        RecentEntries r = new RecentEntries(1 << 30);
        java.util.ArrayDeque<Long> held = new java.util.ArrayDeque<>();
        for (long s = 1; s <= 100_000; s++) {
            r.add(entry(s));
            held.add(s);
            if (held.size() > 300) {
                // acknowledgements lag the stream; every seventh comes before the one ahead of it
                long a = held.pollFirst();
                if (a % 7 == 0 && !held.isEmpty()) {
                    long b = held.pollFirst();
                    r.remove(b);
                    held.addFirst(a);
                } else {
                    r.remove(a);
                }
            }
        }
        assertThat(r.after(99_000, 10_000)).extracting(OutboxEntry::seq)
                .containsExactlyElementsOf(held.stream().filter(s -> s > 99_000).sorted().toList());
    }

    @Test
    void anEntryNeverAcknowledgedDoesNotHoldTheRestInMemoryForever() {
        RecentEntries r = new RecentEntries(1 << 30, 1024);
        r.add(entry(1));   // a refused alert waiting out its backoff: never removed here
        for (long s = 2; s <= 5000; s++) {
            r.add(entry(s));
            r.remove(s);
        }
        r.add(entry(5001));
        assertThat(r.after(0, 10)).as("1 went to disk when the span passed its bound").isNull();
        assertThat(r.after(5000, 10)).extracting(OutboxEntry::seq).containsExactly(5001L);
    }

    @Test
    void startingAfterARestartSendsOlderCursorsToDisk() {
        RecentEntries r = new RecentEntries(1 << 20);
        r.add(entry(1));
        r.startAfter(500);
        r.add(entry(501));
        assertThat(r.after(0, 10)).isNull();
        assertThat(r.after(500, 10)).extracting(OutboxEntry::seq).containsExactly(501L);
    }

    @Test
    void aGapInSequenceNumbersSendsEverythingBeforeItToDisk() {
        RecentEntries r = new RecentEntries(1 << 30);
        r.add(entry(1));   // never acknowledged
        r.add(entry(3000));
        assertThat(r.after(0, 10)).as("1 is on disk only now").isNull();
        assertThat(r.after(2999, 10)).extracting(OutboxEntry::seq).containsExactly(3000L);
        r.add(entry(3001));
        r.remove(3000);
        assertThat(r.after(2999, 10)).extracting(OutboxEntry::seq).containsExactly(3001L);
    }
}
