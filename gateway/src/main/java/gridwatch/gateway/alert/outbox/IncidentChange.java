package gridwatch.gateway.alert.outbox;

/**
 * What a stored alert does to its incident's kept state. The outbox writes only the last change of each incident in a
 * commit (each replaces the whole row), so the row's text is asked for only for that one: a busy incident's alerts
 * need not each render a state the next alert of the same commit replaces.
 */
public interface IncidentChange {

    /** Which incident: the alerting side's stable key text. Outbox writer thread; must not block. */
    String key();

    /**
     * The row to write. Called at most once, on the outbox writer thread, possibly long after the alert was made: an
     * implementation must be immutable and must not block.
     */
    IncidentRow row();
}
