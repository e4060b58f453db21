package gridwatch.gateway.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * What one scenario measured, compared by CloudEvents id between the outbox journal (produced)
 * and the independent subscriber (delivered).
 *
 * @param sent               packets the stations wrote (each is one alert when the gateway takes it in)
 * @param produced           alert ids committed to the outbox
 * @param delivered          produced ids that reached the subscriber
 * @param duplicates         deliveries beyond the first of an id
 * @param maxDuplicates      at-least-once bound: faults that can cut a window of in-flight alerts × the window
 * @param missing            produced ids that never arrived
 * @param missingInOutbox    of those, still waiting in the outbox (the gateway did not deliver them)
 * @param missingDeadLetter  of those, moved to the gateway's dead-letter table
 * @param lostByBroker       of those, acknowledged by the broker (row deleted) within a broker SIGKILL's window
 *                           (3 s before to 2 s after it): lost in mosquitto's autosave gap, not by the gateway
 * @param lostByBrokerBound  at most a second's alerts per broker SIGKILL (mosquitto's {@code autosave_interval 1})
 * @param missingUnexplained of those, none of the above (acknowledged far from any broker SIGKILL, or vanished)
 * @param unexpected         ids received that the outbox never held
 * @param changedRedelivery  ids delivered twice with different bytes
 * @param recovery           recovery times after each fault
 * @param pendingMetric      {@code gridwatch_outbox_pending} at the end
 * @param rowsLeft           rows in the outbox table at the end
 * @param gaveUp             alerts the gateway evicted, refused as full or dead-lettered (gauges at the end)
 * @param resent             {@code gridwatch_uplink_resent_total} of the last gateway process (NaN if it has none)
 * @param faults             the faults injected, e.g. "4 broker restarts (2 SIGKILL, 2 SIGTERM)"
 * @param notes              anything scenario-specific worth a line in the report
 */
record Verdict(String scenario, String scale, long seed, long sent, long produced, long delivered, long duplicates,
               long maxDuplicates, List<String> missing, long missingInOutbox, long missingDeadLetter, long lostByBroker,
               long lostByBrokerBound, long missingUnexplained,
               List<String> unexpected, List<String> changedRedelivery, RecoveryTimes recovery, double pendingMetric,
               long rowsLeft, double gaveUp, double resent, String faults,
               long elapsedSeconds, String notes) {

    static final Path SUMMARY = Path.of("target", "chaos", "summary.txt");

    String summaryLine() {
        return String.format(Locale.ROOT,
                "CHAOS %-14s scale=%s seed=%d | %s | sent=%d produced=%d delivered=%d duplicates=%d (bound %d) missing=%d "
                        + "(in outbox %d, dead-lettered %d, lost by broker SIGKILL after PUBACK %d (bound %d), unexplained %d) unexpected=%d | recovery n=%d p50=%dms p99=%dms "
                        + "max=%dms missed=%d | pending metric=%.0f rows=%d | gave up %.0f, resent %.0f | %ds%s",
                scenario, scale, seed, faults, sent, produced, delivered, duplicates, maxDuplicates, missing.size(),
                missingInOutbox, missingDeadLetter, lostByBroker, lostByBrokerBound, missingUnexplained, unexpected.size(), recovery.count(),
                recovery.percentile(50), recovery.percentile(99), recovery.max(), recovery.missed(), pendingMetric, rowsLeft,
                gaveUp, resent, elapsedSeconds,
                notes.isEmpty() ? "" : " | " + notes);
    }

    /** Prints the summary line and appends it to {@code target/chaos/summary.txt} (scripts/chaos prints that file). */
    void report() throws IOException {
        String line = summaryLine();
        System.out.println(line);
        Files.createDirectories(SUMMARY.getParent());
        Files.writeString(SUMMARY, line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
