package gridwatch.gateway.chaos;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outbox journal's queries (see {@link OutboxJournal}): read directly, or, when the outbox
 * lives in the gateway's private mount namespace, through {@link RemoteJournal}.
 */
sealed interface Journal permits OutboxJournal, RemoteJournal {

    /** Adds the journal tables and triggers; the gateway must have created its outbox table already. */
    void install() throws SQLException;

    /** Every alert id ever committed to the outbox, in commit order (an id twice would be a gateway bug). */
    List<String> produced() throws SQLException;

    long producedCount() throws SQLException;

    /**
     * Ids whose row left the outbox (acknowledged by the broker, evicted or dead-lettered), with
     * when: epoch milliseconds of the commit that deleted the row, which follows the PUBACK.
     */
    Map<String, Long> removedAt() throws SQLException;

    /** Ids still in the outbox. */
    Set<String> pending() throws SQLException;

    /** Ids the gateway gave up on and moved to its dead-letter table (none when it has no such table). */
    Set<String> deadLettered() throws SQLException;

    long rowsLeft() throws SQLException;
}
