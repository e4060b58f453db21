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
     * The row to write. Called on the outbox writer thread, possibly long after the alert was made, and again when a
     * failed commit is retried (or on any thread by whoever wants the row now): an implementation must be immutable
     * and must not block. Should it throw, the incident's kept state is deleted and its alert stored all the same.
     */
    IncidentRow row();
}
