package gridwatch.gateway.alert.outbox;

import gridwatch.detectors.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class OutboxTest {

    @TempDir
    Path dir;

    private static OutboxMessage msg(String id, Severity s, int payloadBytes) {
        byte[] p = ("{\"id\":\"" + id + "\"," + "\"pad\":\"" + "x".repeat(payloadBytes) + "\"}").getBytes(StandardCharsets.UTF_8);
        return new OutboxMessage(id, "noise-1", s.ordinal(), "noise.construction", p);
    }

    @Test
    void committedAlertsSurviveAReopenInOrder() throws Exception {
        try (Outbox o = new Outbox(dir, 1 << 24, true)) {
            List<CompletableFuture<Long>> f = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                f.add(o.append(msg("a" + i, Severity.YELLOW, 100)));
            }
            CompletableFuture.allOf(f.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        }
        try (Outbox o = new Outbox(dir, 1 << 24, true)) {
            List<OutboxEntry> rows = o.readAfter(0, 1000);
            assertThat(rows).extracting(OutboxEntry::alertId).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 100).mapToObj(i -> "a" + i).toList());
            assertThat(o.stats().depth()).isEqualTo(100);
        }
    }

    @Test
    void acknowledgedAlertsLeaveAndStayGoneAfterReopen() throws Exception {
        try (Outbox o = new Outbox(dir, 1 << 24, true)) {
            long s1 = o.append(msg("a1", Severity.BLUE, 10)).get(5, TimeUnit.SECONDS);
            o.append(msg("a2", Severity.BLUE, 10)).get(5, TimeUnit.SECONDS);
            o.acknowledge(s1);
            assertThat(o.readAfter(0, 10)).extracting(OutboxEntry::alertId).containsExactly("a2");
            await().atMost(5, TimeUnit.SECONDS).until(() -> o.stats().depth() == 1);
        }
        try (Outbox o = new Outbox(dir, 1 << 24, true)) {
            assertThat(o.readAfter(0, 10)).extracting(OutboxEntry::alertId).containsExactly("a2");
        }
    }

    @Test
    void whenFullTheLeastSevereOldestAreEvictedForAMoreSevereAlert() throws Exception {
        try (Outbox o = new Outbox(dir, 65_536, true)) {
            int i = 0;
            while (o.stats().bytes() < 60_000) {
                o.append(msg("blue" + i++, Severity.BLUE, 1000)).get(5, TimeUnit.SECONDS);
            }
            o.append(msg("red", Severity.RED, 8000)).get(5, TimeUnit.SECONDS);
            assertThat(o.stats().evicted()).isGreaterThan(0);
            assertThat(o.stats().bytes()).isLessThanOrEqualTo(65_536);
            List<String> ids = o.readAfter(0, 1000).stream().map(OutboxEntry::alertId).toList();
            assertThat(ids).contains("red").doesNotContain("blue0", "blue1");
            assertThat(ids).last().isEqualTo("red");
        }
    }

    @Test
    void whenFullOfMoreSevereAlertsANewLessSevereOneIsRefused() throws Exception {
        try (Outbox o = new Outbox(dir, 65_536, true)) {
            while (o.stats().bytes() < 60_000) {
                o.append(msg("red", Severity.RED, 1000)).get(5, TimeUnit.SECONDS);
            }
            long depth = o.stats().depth();
            assertThatThrownBy(() -> o.append(msg("blue", Severity.BLUE, 8000)).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(OutboxFullException.class);
            assertThat(o.stats().dropped()).isEqualTo(1);
            assertThat(o.stats().depth()).isEqualTo(depth);
        }
    }

    @Test
    void aFullDiskHoldsAlertsInMemoryAndLosesNoneWhenSpaceReturns() throws Exception {
        try (Outbox o = new Outbox(dir, 1 << 26, true)) {
            o.append(msg("before", Severity.YELLOW, 10)).get(5, TimeUnit.SECONDS);
            o.limitPages(1).get(5, TimeUnit.SECONDS); // clamps to the current size: any growth now fails
            List<CompletableFuture<Long>> pending = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                pending.add(o.append(msg("during" + i, Severity.YELLOW, 2000)));
            }
            await().atMost(10, TimeUnit.SECONDS).until(() -> o.stats().storageError() != null);
            assertThatThrownBy(() -> pending.getLast().get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(o.stats().waitingInMemory()).isGreaterThan(0);

            o.limitPages(1_000_000).get(10, TimeUnit.SECONDS);
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(o.stats().storageError()).isNull();
            assertThat(o.readAfter(0, 1000)).hasSize(201);
        }
    }

    /**
     * Depth counts rows actually deleted: a second PUBACK for one row (a resend raced its first
     * ack) and a PUBACK for a row evicted while in flight used to be subtracted again, so
     * gridwatch_outbox_pending drifted below what the table holds.
     */
    @Test
    void depthStaysEqualToTheRowsLeftWhenAcksRepeatOrArriveForEvictedRows() throws Exception {
        try (Outbox o = new Outbox(dir, 4096, true)) {
            long low = o.append(msg("low", Severity.BLUE, 1500)).get(5, TimeUnit.SECONDS);
            long s1 = o.append(msg("a1", Severity.ORANGE, 100)).get(5, TimeUnit.SECONDS);
            o.append(msg("a2", Severity.ORANGE, 100)).get(5, TimeUnit.SECONDS);
            o.acknowledge(s1);
            await().atMost(5, TimeUnit.SECONDS).until(() -> o.stats().depth() == 2);
            o.acknowledge(s1);    // the same row acknowledged again, after it was deleted
            o.append(msg("big", Severity.RED, 2500)).get(5, TimeUnit.SECONDS);   // evicts "low"
            o.acknowledge(low);   // the evicted row's PUBACK arrives late
            o.append(msg("last", Severity.RED, 10)).get(5, TimeUnit.SECONDS);    // flushes the acks with it
            List<String> left = o.readAfter(0, 100).stream().map(OutboxEntry::alertId).toList();
            assertThat(left).containsExactly("a2", "big", "last");
            assertThat(o.stats().depth()).as("pending equals rows left").isEqualTo(3);
        }
        try (Outbox o = new Outbox(dir, 4096, true)) {
            assertThat(o.stats().depth()).isEqualTo(3);
        }
    }

    @Test
    void aDeadLetteredAlertLeavesTheQueueButIsKeptAndCounted() throws Exception {
        try (Outbox o = new Outbox(dir, 1 << 20, true)) {
            long poison = o.append(msg("poison", Severity.YELLOW, 10)).get(5, TimeUnit.SECONDS);
            o.append(msg("fine", Severity.YELLOW, 10)).get(5, TimeUnit.SECONDS);
            o.deadLetter(poison, "not authorized (0x87)", 8);
            assertThat(o.readAfter(0, 10)).extracting(OutboxEntry::alertId).containsExactly("fine");
            await().atMost(5, TimeUnit.SECONDS).until(() -> o.stats().deadLetters() == 1 && o.stats().depth() == 1);
        }
        try (Outbox o = new Outbox(dir, 1 << 20, true)) {
            assertThat(o.stats().deadLetters()).as("kept across a restart").isEqualTo(1);
            assertThat(o.readAfter(0, 10)).extracting(OutboxEntry::alertId).containsExactly("fine");
        }
    }

    @Test
    void anIncidentsRowIsWrittenWithItsAlertAndGoesWithItsEnd() throws Exception {
        try (Outbox o = new Outbox(dir, 1 << 20, true)) {
            o.append(withIncident("start", new IncidentRow("k1", "{\"revision\":0}"))).get(5, TimeUnit.SECONDS);
            o.append(withIncident("update", new IncidentRow("k1", "{\"revision\":1}"))).get(5, TimeUnit.SECONDS);
            o.append(withIncident("other", new IncidentRow("k2", "{\"revision\":0}"))).get(5, TimeUnit.SECONDS);
            o.append(withIncident("end", new IncidentRow("k2", null))).get(5, TimeUnit.SECONDS);
        }
        try (Outbox o = new Outbox(dir, 1 << 20, true)) {
            assertThat(o.start().openIncidents()).containsExactly(new IncidentRow("k1", "{\"revision\":1}"));
        }
    }

    @Test
    void manyStepsOfOneIncidentInOneCommitLeaveTheLastStepsState() throws Exception {
        // Appended without waiting, so the writer takes them in few commits, where it keeps only each key's last row.
        List<CompletableFuture<Long>> done = new ArrayList<>();
        AtomicInteger rendered = new AtomicInteger();
        try (Outbox o = new Outbox(dir, 1 << 22, true)) {
            for (int i = 0; i < 3000; i++) {
                String ended = i % 3 == 2 ? null : "{\"revision\":" + i + "}";
                done.add(o.append(withIncident("a" + i, new Rendered(new IncidentRow("busy", ended), rendered))));
                done.add(o.append(withIncident("b" + i, new Rendered(new IncidentRow("steady-" + (i % 7), "{\"revision\":" + i + "}"), rendered))));
            }
            done.add(o.append(withIncident("last", new IncidentRow("busy", "{\"revision\":3000}"))));
            done.add(o.append(withIncident("gone", new IncidentRow("steady-3", null))));
            for (var f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
        // Only the last change of each of the eight incidents in a commit is rendered: with commits of a few hundred
        // alerts, a small part of the 6,000 changes.
        assertThat(rendered.get()).as("changes rendered").isPositive().isLessThan(3000);
        try (Outbox o = new Outbox(dir, 1 << 22, true)) {
            assertThat(o.start().openIncidents()).containsExactly(
                    new IncidentRow("busy", "{\"revision\":3000}"),
                    new IncidentRow("steady-0", "{\"revision\":2996}"), new IncidentRow("steady-1", "{\"revision\":2997}"),
                    new IncidentRow("steady-2", "{\"revision\":2998}"), new IncidentRow("steady-4", "{\"revision\":2993}"),
                    new IncidentRow("steady-5", "{\"revision\":2994}"), new IncidentRow("steady-6", "{\"revision\":2995}"));
        }
    }

    @Test
    void anIncidentStateThatCannotBeRenderedLosesNoAlertAndStopsNoWriter() throws Exception {
        IncidentChange broken = new IncidentChange() {
            @Override
            public String key() {
                return "k-broken";
            }

            @Override
            public IncidentRow row() {
                throw new IllegalStateException("cannot render");
            }
        };
        IncidentChange nameless = new IncidentChange() {
            @Override
            public String key() {
                throw new IllegalStateException("no key");
            }

            @Override
            public IncidentRow row() {
                return new IncidentRow("k-nameless", "{}");
            }
        };
        try (Outbox o = new Outbox(dir, 1 << 20, true)) {
            // An earlier state of the same incident is kept; the failed render must not leave it to be resumed.
            assertThat(o.append(withIncident("a0", new IncidentRow("k-broken", "{\"revision\":3}"))).get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(o.append(withIncident("a1", broken)).get(5, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(o.append(withIncident("a2", nameless)).get(5, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(o.append(withIncident("a3", new IncidentRow("k2", "{}"))).get(5, TimeUnit.SECONDS)).isEqualTo(4);
            assertThat(o.readAfter(0, 10)).extracting(OutboxEntry::alertId).containsExactly("a0", "a1", "a2", "a3");
        }
        try (Outbox o = new Outbox(dir, 1 << 20, true)) {
            assertThat(o.start().openIncidents()).containsExactly(new IncidentRow("k2", "{}"));
        }
    }

    @Test
    void anAlertTheOutboxRefusesLeavesTheIncidentAsItWas() throws Exception {
        try (Outbox o = new Outbox(dir, 65_536, true)) {
            o.append(withIncident("start", new IncidentRow("k1", "{\"revision\":0}"))).get(5, TimeUnit.SECONDS);
            while (o.stats().bytes() < 60_000) {
                o.append(msg("red", Severity.RED, 1000)).get(5, TimeUnit.SECONDS);
            }
            OutboxMessage big = new OutboxMessage("end", "noise-1", Severity.BLUE.ordinal(), "noise.construction",
                    new byte[8000], new IncidentRow("k1", null));
            assertThatThrownBy(() -> o.append(big).get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(OutboxFullException.class);
        }
        try (Outbox o = new Outbox(dir, 65_536, true)) {
            assertThat(o.start().openIncidents()).extracting(IncidentRow::key).containsExactly("k1");
        }
    }

    @Test
    void theWriteAheadLogStaysBoundedWhileAlertsStreamWithoutAPause() throws Exception {
        // 50,000 alerts of 2 KB, appended and acknowledged as fast as the outbox takes them: 100 MB through the log.
        // The checkpoint thread alone never catches up with such a stream: the log reached 209 MB.
        Path wal = dir.resolve("outbox.db-wal");
        long largest = 0;
        try (Outbox o = new Outbox(dir, 1L << 30, false)) {
            List<CompletableFuture<Long>> previous = List.of();
            for (int chunk = 0; chunk < 100; chunk++) {
                List<CompletableFuture<Long>> f = new ArrayList<>(500);
                for (int i = 0; i < 500; i++) {
                    f.add(o.append(msg("s" + chunk + "-" + i, Severity.YELLOW, 2000)));
                }
                // Acknowledge the chunk before, so appends and deletions share commits as they do behind a live uplink.
                for (CompletableFuture<Long> done : previous) {
                    o.acknowledge(done.get(30, TimeUnit.SECONDS));
                }
                previous = f;
                largest = Math.max(largest, java.nio.file.Files.size(wal));
            }
            for (CompletableFuture<Long> done : previous) {
                o.acknowledge(done.get(30, TimeUnit.SECONDS));
            }
            await().atMost(30, TimeUnit.SECONDS).until(() -> o.stats().depth() == 0);
            largest = Math.max(largest, java.nio.file.Files.size(wal));
            assertThat(o.stats().appended()).isEqualTo(50_000);
        }
        // The writer checkpoints past 16 MB; one commit (at most 2,048 operations) can add a few MB before it does.
        assertThat(largest).as("largest write-ahead log seen, bytes").isLessThan(32L * 1024 * 1024);
        try (Outbox o = new Outbox(dir, 1L << 30, false)) {
            assertThat(o.stats().depth()).isZero();
            assertThat(o.readAfter(0, 10)).isEmpty();
        }
    }

    @Test
    void eachStartIsCountedAndKnowsWhetherTheLastRunStoppedCleanly() throws Exception {
        java.time.Instant before = java.time.Instant.now();
        try (Outbox o = new Outbox(dir, 1 << 20, true)) {
            assertThat(o.start().boot()).isEqualTo(1);
            assertThat(o.start().lastAlive()).isNull();
        }
        try (Outbox o = new Outbox(dir, 1 << 20, true)) {
            assertThat(o.start().boot()).isEqualTo(2);
            assertThat(o.start().stoppedCleanly()).isTrue();
            assertThat(o.start().lastAlive()).isBetween(before, java.time.Instant.now());
            o.forgetIncidents(List.of("none"));
        }
    }

    /** Counts how many times the outbox asked for the row. */
    private record Rendered(IncidentRow row, AtomicInteger count) implements IncidentChange {
        @Override
        public String key() {
            return row.key();
        }

        @Override
        public IncidentRow row() {
            count.incrementAndGet();
            return row;
        }
    }

    private static OutboxMessage withIncident(String id, IncidentChange row) {
        return new OutboxMessage(id, "noise-1", Severity.ORANGE.ordinal(), "noise.construction", new byte[10], row);
    }
}
